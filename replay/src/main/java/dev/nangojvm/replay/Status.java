package dev.nangojvm.replay;

import java.util.Locale;

/** A verdict. Worse verdicts come later: a script's verdict is the worst of its tests'. */
public enum Status {
    /** Nothing to judge: no generated test, or filtered out. */
    SKIPPED,
    /** The script produced exactly what the mocks expect. */
    PASS,
    /** The script ran but produced something else, or an expected file is missing. */
    FAIL,
    /** The script could not be compiled, or threw. */
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Status worst(Status other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
