package dev.nangojvm.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nango-jvm test}: replays a project's scripts against their recorded mocks and prints a
 * table. Exit code 0 when nothing failed or errored, 1 otherwise, 2 for bad usage.
 *
 * <pre>
 * nango-jvm test [--project &lt;dir&gt;] [--integration &lt;id&gt;]... [--script &lt;name&gt;]...
 *                [--json &lt;file&gt;] [--providers &lt;providers.yaml&gt;] [--timeout &lt;seconds&gt;] [--all]
 * </pre>
 */
public final class ReplayCli {
    public static final String USAGE = """
            Usage: nango-jvm test [--project <dir>] [--integration <id>] [--script <name>] [--json <file>] [--providers <file>]
                                  [--timeout <seconds>] [--all]

            Replays every script that has a generated test (tests/*.test.ts) against its recorded mocks
            (mocks/), judging it as Nango's yaml-era vitest harness does.

              --project <dir>        a nango-integrations/ folder, one integration folder, or a folder of
                                     integration folders (default: the current folder)
              --integration <id>     only this integration; repeatable
              --script <name>        only scripts with this name; repeatable
              --json <file>          also write {"summary":{...},"scripts":[...]} to <file>
              --providers <file>     the provider catalog (providers.yaml of @nangohq/providers 0.59.7);
                                     default: node_modules/@nangohq/providers in the project or a parent
              --timeout <seconds>    time limit of one test (default 120)
              --all                  also list the scripts without a generated test
            Exit code: 0 all replayed scripts pass, 1 a script failed or errored, 2 bad usage.
            """;

    private ReplayCli() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verb; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path project = Path.of(".");
        Path json = null;
        boolean all = false;
        List<String> integrations = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        Path providers = null;
        Duration timeout = Replayer.DEFAULT_TIMEOUT;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--project" -> project = Path.of(value(args, ++i, "--project"));
                    case "--integration" -> integrations.add(value(args, ++i, "--integration"));
                    case "--script" -> scripts.add(value(args, ++i, "--script"));
                    case "--json" -> json = Path.of(value(args, ++i, "--json"));
                    case "--providers" -> providers = Path.of(value(args, ++i, "--providers"));
                    case "--timeout" -> timeout = Duration.ofSeconds(seconds(value(args, ++i, "--timeout")));
                    case "--all" -> all = true;
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (!Files.isDirectory(project)) throw new IllegalArgumentException("--project " + project + " is not a folder");
            if (providers != null && !Files.isRegularFile(providers)) throw new IllegalArgumentException("--providers " + providers + " is not a file");
        } catch (IllegalArgumentException e) {
            err.println("nango-jvm test: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        ReplaySuite.Builder b = ReplaySuite.builder(project).providers(providers).timeout(timeout);
        integrations.forEach(b::integration);
        scripts.forEach(b::script);
        ReplaySuite suite = b.build();
        suite.providersFile().ifPresent(p -> err.println("provider catalog: " + p));
        ReplayReport report = suite.run(r -> {
            if (r.status() != Status.SKIPPED) err.println(r.status().label() + "  " + r.integration() + " " + r.type().label() + " " + r.script());
        });
        report.print(out, all);
        if (json != null) {
            try {
                report.writeJson(json);
            } catch (IOException e) {
                err.println("nango-jvm test: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
        }
        return report.passed() ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static long seconds(String s) {
        try {
            long n = Long.parseLong(s);
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout needs a positive number of seconds, got '" + s + "'");
        }
    }
}
