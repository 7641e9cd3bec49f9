package dev.nangojvm.cli;

import java.io.PrintStream;
import java.util.List;

/** One verb of the CLI. */
interface Command {
    String name();

    /** One line for {@code help}. */
    String usage();

    /** Runs the verb; returns the process exit code. Throws {@link CliException} for user errors. */
    int run(List<String> args, PrintStream out) throws Exception;
}
