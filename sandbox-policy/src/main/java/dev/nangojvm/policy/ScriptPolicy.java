package dev.nangojvm.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What one script execution may do and consume, as immutable data. The host turns it into
 * GraalJS context settings and watchdog budgets; the proxy applies its {@link #egress()} rules.
 *
 * <p>Presets: {@link #standard()} for your own team's scripts, {@link #strict()} for scripts
 * written by someone you do not trust. Variants: {@code ScriptPolicy.standard().toBuilder()...build()}.
 */
public record ScriptPolicy(
        Duration actionTimeout,
        Duration syncTimeout,
        long statementLimit,
        boolean allowCodeGeneration,
        long maxActionOutputBytes,
        long maxLogBytes,
        EgressRules egress) {

    /** Nango's limit for an action run: 15 minutes. */
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofMinutes(15);
    /** Nango's limit for a sync run: 24 hours. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofHours(24);
    /** Nango's limit on an action's JSON output: 2 MiB. */
    public static final long DEFAULT_MAX_ACTION_OUTPUT_BYTES = 2L * 1024 * 1024;
    /** Log bytes one execution may write before it is stopped with {@code log_limit}. */
    public static final long DEFAULT_MAX_LOG_BYTES = 64L * 1024 * 1024;
    /** 0 means no statement limit. */
    public static final long NO_STATEMENT_LIMIT = 0;

    public ScriptPolicy {
        requirePositive(actionTimeout, "actionTimeout");
        requirePositive(syncTimeout, "syncTimeout");
        if (statementLimit < 0) throw new IllegalArgumentException("statementLimit must be >= 0, was " + statementLimit);
        if (maxActionOutputBytes <= 0) throw new IllegalArgumentException("maxActionOutputBytes must be > 0");
        if (maxLogBytes <= 0) throw new IllegalArgumentException("maxLogBytes must be > 0");
        Objects.requireNonNull(egress, "egress");
    }

    /** For your own team's scripts: Nango's limits, public internet only, eval allowed as in Nango's older runners. */
    public static ScriptPolicy standard() {
        return new ScriptPolicy(DEFAULT_ACTION_TIMEOUT, DEFAULT_SYNC_TIMEOUT, NO_STATEMENT_LIMIT, true,
                DEFAULT_MAX_ACTION_OUTPUT_BYTES, DEFAULT_MAX_LOG_BYTES, EgressRules.publicInternetOnly());
    }

    /** For untrusted customers' scripts: no code generation from strings, a statement cap, smaller log budget. */
    public static ScriptPolicy strict() {
        return new ScriptPolicy(DEFAULT_ACTION_TIMEOUT, DEFAULT_SYNC_TIMEOUT, 5_000_000_000L, false,
                DEFAULT_MAX_ACTION_OUTPUT_BYTES, 8L * 1024 * 1024, EgressRules.publicInternetOnly());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The wall-clock budget for a script of the given type ({@code action}, {@code sync}, ...). */
    public Duration timeoutFor(String scriptType) {
        return "action".equals(scriptType) ? actionTimeout : syncTimeout;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, was " + d);
    }

    /** Builds a variant of a preset; single-field checks happen in {@link #build()} via the record. */
    public static final class Builder {
        private Duration actionTimeout, syncTimeout;
        private long statementLimit, maxActionOutputBytes, maxLogBytes;
        private boolean allowCodeGeneration;
        private EgressRules egress;

        private Builder(ScriptPolicy base) {
            actionTimeout = base.actionTimeout; syncTimeout = base.syncTimeout;
            statementLimit = base.statementLimit; allowCodeGeneration = base.allowCodeGeneration;
            maxActionOutputBytes = base.maxActionOutputBytes; maxLogBytes = base.maxLogBytes; egress = base.egress;
        }

        public Builder actionTimeout(Duration d) { actionTimeout = d; return this; }
        public Builder syncTimeout(Duration d) { syncTimeout = d; return this; }
        /** Both timeouts at once. */
        public Builder timeout(Duration d) { actionTimeout = d; syncTimeout = d; return this; }
        public Builder statementLimit(long n) { statementLimit = n; return this; }
        public Builder allowCodeGeneration(boolean b) { allowCodeGeneration = b; return this; }
        public Builder maxActionOutputBytes(long n) { maxActionOutputBytes = n; return this; }
        public Builder maxLogBytes(long n) { maxLogBytes = n; return this; }
        public Builder egress(EgressRules e) { egress = e; return this; }

        public ScriptPolicy build() {
            return new ScriptPolicy(actionTimeout, syncTimeout, statementLimit, allowCodeGeneration,
                    maxActionOutputBytes, maxLogBytes, egress);
        }
    }
}
