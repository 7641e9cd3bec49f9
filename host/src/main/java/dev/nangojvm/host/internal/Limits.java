package dev.nangojvm.host.internal;

import dev.nangojvm.bindings.NangoException;

/** The stable codes of budget breaches, and the errors of the caps a script may catch. */
final class Limits {
    static final String EXECUTION_TIMEOUT = "execution_timeout";
    static final String STATEMENT_LIMIT = "statement_limit";
    static final String MEMORY_LIMIT = "memory_limit";
    static final String OUTPUT_TOO_LARGE = "output_too_large";
    static final String LOG_LIMIT = "log_limit";
    static final String TIMER_LIMIT = "timer_limit";
    static final String PAYLOAD_TOO_LARGE = "payload_too_large";

    private Limits() {
    }

    /** {@code payload_too_large}: subject, the rule and the actual value, then the remedy. */
    static NangoException payloadTooLarge(String subject, String ruleAndValue, String remedy) {
        return new NangoException(PAYLOAD_TOO_LARGE, subject + ": " + ruleAndValue + "; " + remedy);
    }
}
