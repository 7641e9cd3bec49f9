package dev.nangojvm.cli;

import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.replay.ReplayReport;
import dev.nangojvm.replay.ReplaySuite;
import dev.nangojvm.replay.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./nango-jvm test}: replays every script that has a generated test ({@code tests/*.test.ts})
 * against its recorded mocks ({@code mocks/}), judging it as Nango's yaml-era vitest harness does.
 * Exit code 0 when no replayed script failed or errored, 1 otherwise, 2 for bad usage.
 */
final class TestCommand implements Command {
    @Override
    public String name() {
        return "test";
    }

    @Override
    public String usage() {
        return "test [--project <dir>] [--integration <id>[,<id>]] [--script <name>[,<name>]] [--json <file>] [--providers <file>]"
                + " [--timeout <seconds>] [--all]\n"
                + "                                replay each script against its recorded mocks (tests/*.test.ts + mocks/), as Nango's vitest harness\n"
                + "                                judges it; --project may also be one integration folder or a folder of them; --all lists untested scripts";
    }

    @Override
    public int run(List<String> argv, PrintStream out) {
        Args args = Args.parse(name(), argv, Set.of("project", "integration", "script", "json", "providers", "timeout"), Set.of("all"));
        Path project = args.project();
        if (!Files.isDirectory(project)) {
            throw new CliException("project_not_found", "--project " + project + " is not a folder. Pass a nango-integrations folder, "
                    + "an integration folder with its nango.yaml, or a folder of integration folders.", 2);
        }
        ReplaySuite.Builder suite = ReplaySuite.builder(project).timeout(Duration.ofSeconds(seconds(args.flag("timeout", "120"))));
        list(args.flag("integration", "")).forEach(suite::integration);
        list(args.flag("script", "")).forEach(suite::script);
        out.println("provider catalog: " + catalog(project, args.flag("providers", null), suite));

        ReplayReport report = suite.build().run(r -> {
            if (r.status() != Status.SKIPPED) System.err.println("  " + r.status().label() + "  " + r.integration() + "/" + r.script());
        });
        report.print(out, args.has("all"));
        String json = args.flag("json", null);
        if (json != null) {
            try {
                report.writeJson(Path.of(json));
            } catch (IOException e) {
                throw new CliException("json_not_written", "cannot write --json " + json + ": " + e.getMessage());
            }
        }
        return report.passed() ? 0 : 1;
    }

    /**
     * {@code --providers} alone when given (the yaml-era harness pinned @nangohq/providers 0.59.7), else the
     * project's node_modules catalog, else the one bundled with this build.
     */
    private static String catalog(Path project, String explicit, ReplaySuite.Builder suite) {
        if (explicit != null) {
            Path file = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new CliException("providers_not_found", "--providers " + explicit
                        + ": no such file. Pass a providers.yaml in Nango's format (the yaml-era tests used @nangohq/providers 0.59.7).", 2);
            }
            suite.providers(ProviderCatalog.load(file));
            return file.toString();
        }
        Path base = Providers.base(project);
        if (base == null) return "none (pagination defaults unknown: pass --providers <providers.yaml>)";
        suite.providers(ProviderCatalog.load(base));
        return base + (base.toString().contains("node_modules") ? ""
                : " (bundled; Nango's yaml-era tests used @nangohq/providers 0.59.7: pass --providers to match them exactly)");
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long seconds(String s) {
        try {
            long n = Long.parseLong(s);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("invalid_flag_value", "--timeout needs a positive number of seconds, got '" + s + "'", 2);
    }
}
