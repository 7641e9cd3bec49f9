package dev.nangojvm.toolchain.internal;

import dev.nangojvm.toolchain.Diagnostic;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns esbuild error messages into diagnostics with stable codes and actionable text. */
final class CompileErrors {
    private static final Pattern UNRESOLVED = Pattern.compile("^Could not resolve \"([^\"]+)\"");
    /** Packages Nango's yaml-era compiler accepts besides the host-provided ones (§3.1). */
    private static final List<String> NANGO_OPTIONAL = List.of("botbuilder", "soap", "unzipper");

    private CompileErrors() {}

    static Diagnostic toDiagnostic(EsbuildLog.Message m, List<String> path, PathMapper paths, List<String> externals) {
        String file = m.file() == null ? null : paths.display(m.file());
        String where = file == null ? "" : " imported from " + file + (m.line() > 0 ? ":" + m.line() : "");
        Matcher u = UNRESOLVED.matcher(m.text());
        Diagnostic d;
        if (u.find()) {
            String module = u.group(1);
            d = Diagnostic.error("unresolved_import", unresolvedMessage(module, where, externals), path);
        } else {
            d = Diagnostic.error("compile_error", m.text(), path);
        }
        return file == null ? d : d.at(file, m.line(), m.column());
    }

    private static String unresolvedMessage(String module, String where, List<String> externals) {
        if (module.matches("(\\.\\./)*\\.?\\.?/?models(\\.js|\\.ts)?")) {
            return "Could not resolve \"" + module + "\"" + where + ": models.ts does not exist. Import only types"
                    + " from it (`import type { ... }`), which are erased, or generate models.ts first.";
        }
        if (module.startsWith(".") || module.startsWith("/")) {
            return "Could not resolve \"" + module + "\"" + where + ": no such file (tried " + module
                    + " with .ts/.js/index variants). Fix the relative path.";
        }
        String base = module.startsWith("@") ? module : module.split("/", -1)[0];
        String hint = NANGO_OPTIONAL.contains(base)
                ? " Nango allows \"" + base + "\" only when it is installed; install it in node_modules or ask the"
                        + " host to provide it as an external."
                : " Nango scripts may only import relative files, zod and the host-provided modules ("
                        + String.join(", ", externals) + "). Remove the import or install the package in node_modules.";
        return "Could not resolve \"" + module + "\"" + where + ": it is not a relative file, not provided by the"
                + " host and not installed in node_modules." + hint;
    }
}
