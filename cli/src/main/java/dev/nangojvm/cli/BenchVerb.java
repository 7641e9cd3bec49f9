package dev.nangojvm.cli;

import dev.nangojvm.cli.bench.BenchCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ./nango-jvm bench [--quick]}: performance against a Node reference, not part of the test suite. */
final class BenchVerb implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--quick] [--only P1,P3] [--tuning]  P1-P6 against a Node reference runner in the same run (needs node on PATH for the ratios)";
    }

    @Override
    public int run(List<String> argv, PrintStream out) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("project", "only"), Set.of("quick", "tuning"));
        return new BenchCommand(out, args.has("quick"), metrics(args.flag("only", null))).tuning(args.has("tuning")).run();
    }

    private static Set<String> metrics(String only) {
        try {
            return BenchCommand.metrics(only);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid_flag_value", e.getMessage(), 2);
        }
    }
}
