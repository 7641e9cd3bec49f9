package dev.nangojvm.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ./nango-jvm <verb> [flags]}: the command line of nango-jvm. */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        register(new DemoCommand());
        register(new CompileCommand());
        register(new TestCommand());
        register(new DryRunCommand());
        register(new BenchVerb());
        register(new ValidateCommand());
        register(new GenerateCommand());
    }

    private void register(Command c) {
        commands.put(c.name(), c);
    }

    public static void main(String[] argv) {
        quietLibraryLogging();
        System.exit(new Main().run(Arrays.asList(argv), System.out, System.err));
    }

    int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || List.of("help", "--help", "-h").contains(argv.getFirst())) {
            help(out);
            return argv.isEmpty() ? 2 : 0;
        }
        if (List.of("version", "--version").contains(argv.getFirst())) {
            out.println("nango-jvm " + Version.VALUE);
            return 0;
        }
        Command c = commands.get(argv.getFirst());
        if (c == null) {
            err.println("nango-jvm: error unknown_verb: '" + argv.getFirst() + "' is not a verb. Verbs: "
                    + String.join(", ", commands.keySet()) + ". See ./nango-jvm help.");
            return 2;
        }
        try {
            return c.run(argv.subList(1, argv.size()), out);
        } catch (CliException e) {
            err.println("nango-jvm: error " + e.code() + ": " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            err.println("nango-jvm: error internal_error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Library log records (the host's start-up line, HttpClient) would duplicate what the verbs
     * print themselves; only warnings and errors reach the terminal, as one line each.
     */
    private static void quietLibraryLogging() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "nango-jvm: %4$s: %5$s%6$s%n");
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (var h : root.getHandlers()) h.setLevel(java.util.logging.Level.WARNING);
    }

    private void help(PrintStream out) {
        out.println("nango-jvm " + Version.VALUE + ": runs Nango integration scripts on the JVM");
        out.println();
        out.println("Usage: ./nango-jvm <verb> [flags]   (every verb accepts --project <dir>, default: the current directory)");
        out.println();
        commands.values().forEach(c -> out.println("  " + c.usage()));
    }
}
