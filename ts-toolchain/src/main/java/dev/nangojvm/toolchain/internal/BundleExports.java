package dev.nangojvm.toolchain.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the export names of the entry module of an esbuild CJS bundle. esbuild emits
 * {@code __export(x_exports, { default: () => fetchData, ... }); module.exports = __toCommonJS(x_exports);}.
 */
final class BundleExports {
    private static final Pattern MODULE_EXPORTS = Pattern.compile("module\\.exports = __toCommonJS\\(([\\w$]+)\\);");
    private static final Pattern KEY = Pattern.compile("^\\s+([\\w$]+|\"[^\"]+\"): ", Pattern.MULTILINE);

    private BundleExports() {}

    static List<String> of(String code) {
        Matcher m = MODULE_EXPORTS.matcher(code);
        if (!m.find()) {
            return List.of();
        }
        String start = "__export(" + m.group(1) + ", {";
        int from = code.indexOf(start);
        if (from < 0) {
            return List.of();
        }
        int end = code.indexOf("\n});", from);
        if (end < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher k = KEY.matcher(code.substring(from + start.length(), end));
        while (k.find()) {
            String name = k.group(1);
            names.add(name.startsWith("\"") ? name.substring(1, name.length() - 1) : name);
        }
        return names;
    }
}
