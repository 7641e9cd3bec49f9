package dev.nangojvm.cli.dryrun;

/**
 * The colours of Nango's dry-run output (chalk): on only for a terminal, and never when
 * {@code NO_COLOR} is set, so piped output and tests see plain text.
 */
public record Style(boolean enabled) {
    public static final Style PLAIN = new Style(false);

    /** Colours when stdout is a terminal and {@code NO_COLOR} is unset. */
    public static Style detect() {
        var console = System.console();
        boolean tty = console != null && console.isTerminal();
        return new Style(tty && System.getenv("NO_COLOR") == null);
    }

    public String red(String s) { return paint("31", s); }
    public String green(String s) { return paint("32", s); }
    public String yellow(String s) { return paint("33", s); }
    public String blue(String s) { return paint("34", s); }
    public String gray(String s) { return paint("90", s); }
    public String underline(String s) { return enabled ? "\u001b[4m" + s + "\u001b[24m" : s; }

    /** Log lines by level: info plain (chalk's white), debug gray, warn yellow, error red. */
    public String level(String level, String s) {
        return switch (level == null ? "info" : level) {
            case "debug" -> gray(s);
            case "warn" -> yellow(s);
            case "error" -> red(s);
            default -> s;
        };
    }

    private String paint(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[39m" : s;
    }
}
