package dev.nangojvm.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one script execution may do and consume, as immutable data. The host turns it into
 * GraalJS context settings, watchdog budgets and bridge checks; the proxy applies its
 * {@link #egress()} rules. Nothing here enforces anything.
 *
 * <p>Presets: {@link #standard()} for your own team's scripts, {@link #strict()} for scripts
 * written by someone you do not trust. Variants:
 * <pre>{@code
 * ScriptPolicy policy = ScriptPolicy.strict().toBuilder()
 *         .actionTimeout(Duration.ofMinutes(2))
 *         .maxAllocatedBytes(512L << 20)
 *         .build();
 * }</pre>
 *
 * <p>Every budget that can be switched off uses {@code 0} for "no limit" and documents it. Each
 * breach ends the execution with a stable code: {@code execution_timeout}, {@code statement_limit},
 * {@code memory_limit}, {@code output_too_large}, {@code log_limit}, {@code timer_limit}; the size
 * caps on what crosses into the host ({@code payload_too_large}) reach the script as a catchable error.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScriptPolicy {

    /** Nango's limit for an action run: 15 minutes. */
    public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofMinutes(15);
    /** Nango's limit for a sync run: 24 hours. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofHours(24);
    /** {@code 0}: no statement limit ({@link #standard()}). */
    public static final long NO_STATEMENT_LIMIT = 0;
    /** Statements one {@link #strict()} execution may run: about 25 interpreted minutes of pure JS. */
    public static final long DEFAULT_STRICT_STATEMENT_LIMIT = 5_000_000_000L;
    /** {@code 0}: no allocation budget ({@link #standard()}). */
    public static final long NO_ALLOCATION_LIMIT = 0;
    /** Bytes the executing thread may allocate under {@link #strict()}: 1 GiB, cumulative (garbage included). */
    public static final long DEFAULT_STRICT_MAX_ALLOCATED_BYTES = 1L << 30;
    /** Smallest allocation budget accepted: a context and the runtime alone allocate a few MiB. */
    public static final long MIN_ALLOCATED_BYTES = 16L << 20;
    /** Nango's limit on an action's JSON output: 2 MiB. */
    public static final long DEFAULT_MAX_ACTION_OUTPUT_BYTES = 2L << 20;
    /** Log bytes a {@link #standard()} execution may write before it is stopped with {@code log_limit}. */
    public static final long DEFAULT_MAX_LOG_BYTES = 64L << 20;
    /** Log bytes under {@link #strict()}. */
    public static final long DEFAULT_STRICT_MAX_LOG_BYTES = 8L << 20;
    /** Records one {@code batchSave}/{@code batchUpdate}/{@code batchDelete} call may carry ({@link #standard()}). */
    public static final int DEFAULT_MAX_RECORDS_PER_BATCH = 100_000;
    /** Records per batch call under {@link #strict()}. */
    public static final int DEFAULT_STRICT_MAX_RECORDS_PER_BATCH = 10_000;
    /** UTF-8 bytes of the JSON of one {@code setMetadata}/{@code updateMetadata} argument ({@link #standard()}). */
    public static final long DEFAULT_MAX_METADATA_BYTES = 1L << 20;
    /** Metadata bytes under {@link #strict()}. */
    public static final long DEFAULT_STRICT_MAX_METADATA_BYTES = 64L << 10;
    /** UTF-8 bytes of the JSON of one {@code saveCheckpoint} argument; Nango's field rules allow about 70 kB. */
    public static final long DEFAULT_MAX_CHECKPOINT_BYTES = 256L << 10;
    /** Timers ({@code setTimeout}) one execution may have pending at once ({@link #standard()}). */
    public static final int DEFAULT_MAX_PENDING_TIMERS = 10_000;
    /** Pending timers under {@link #strict()}. */
    public static final int DEFAULT_STRICT_MAX_PENDING_TIMERS = 1_000;
    /** Characters of JSON text one bridge message may carry, either way ({@link #standard()}): 64 Mi. */
    public static final long DEFAULT_MAX_BRIDGE_MESSAGE_CHARS = 64L << 20;
    /** Bridge message characters under {@link #strict()}: 16 Mi. */
    public static final long DEFAULT_STRICT_MAX_BRIDGE_MESSAGE_CHARS = 16L << 20;
    /** What Nango's runner lets {@code require} load; {@code node:} prefixes are stripped before the check. */
    public static final Set<String> DEFAULT_ALLOWED_MODULES = Set.of("crypto", "url", "buffer", "zod");

    private final Duration actionTimeout;
    private final Duration syncTimeout;
    private final long statementLimit;
    private final long maxAllocatedBytes;
    private final long maxActionOutputBytes;
    private final long maxLogBytes;
    private final int maxRecordsPerBatch;
    private final long maxMetadataBytes;
    private final long maxCheckpointBytes;
    private final int maxPendingTimers;
    private final long maxBridgeMessageChars;
    private final boolean allowCodeGeneration;
    private final boolean allowOtherConnections;
    private final Set<String> allowedModules;
    private final EgressRules egress;

    private ScriptPolicy(Builder b) {
        this.actionTimeout = b.actionTimeout;
        this.syncTimeout = b.syncTimeout;
        this.statementLimit = b.statementLimit;
        this.maxAllocatedBytes = b.maxAllocatedBytes;
        this.maxActionOutputBytes = b.maxActionOutputBytes;
        this.maxLogBytes = b.maxLogBytes;
        this.maxRecordsPerBatch = b.maxRecordsPerBatch;
        this.maxMetadataBytes = b.maxMetadataBytes;
        this.maxCheckpointBytes = b.maxCheckpointBytes;
        this.maxPendingTimers = b.maxPendingTimers;
        this.maxBridgeMessageChars = b.maxBridgeMessageChars;
        this.allowCodeGeneration = b.allowCodeGeneration;
        this.allowOtherConnections = b.allowOtherConnections;
        this.allowedModules = Set.copyOf(b.allowedModules);
        this.egress = b.egress;
    }

    /**
     * For your own team's scripts: Nango's limits (15 min / 24 h, 2 MiB output), no statement or
     * allocation budget, {@code eval} and {@code new Function} allowed, public internet only.
     */
    public static ScriptPolicy standard() {
        return new Builder().build();
    }

    /** The same as {@link #standard()}. */
    public static ScriptPolicy defaults() {
        return standard();
    }

    /**
     * For scripts written by customers you do not trust: no code generation from strings, a
     * statement limit, a 1 GiB allocation budget, and smaller log, batch, metadata, timer and
     * bridge caps. Use worker isolation on top (see the host's SECURITY.md) for a hard heap cap.
     */
    public static ScriptPolicy strict() {
        return new Builder()
                .statementLimit(DEFAULT_STRICT_STATEMENT_LIMIT)
                .maxAllocatedBytes(DEFAULT_STRICT_MAX_ALLOCATED_BYTES)
                .allowCodeGeneration(false)
                .maxLogBytes(DEFAULT_STRICT_MAX_LOG_BYTES)
                .maxRecordsPerBatch(DEFAULT_STRICT_MAX_RECORDS_PER_BATCH)
                .maxMetadataBytes(DEFAULT_STRICT_MAX_METADATA_BYTES)
                .maxPendingTimers(DEFAULT_STRICT_MAX_PENDING_TIMERS)
                .maxBridgeMessageChars(DEFAULT_STRICT_MAX_BRIDGE_MESSAGE_CHARS)
                .build();
    }

    /** A builder starting from {@link #standard()}'s values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The wall-clock budget of an action. Default {@link #DEFAULT_ACTION_TIMEOUT}. */
    public Duration actionTimeout() { return actionTimeout; }

    /** The wall-clock budget of a sync, webhook or on-event script. Default {@link #DEFAULT_SYNC_TIMEOUT}. */
    public Duration syncTimeout() { return syncTimeout; }

    /** The wall-clock budget for a script of the given type ({@code action}, {@code sync}, ...). */
    public Duration timeoutFor(String scriptType) {
        return "action".equals(scriptType) ? actionTimeout : syncTimeout;
    }

    /** Guest statements per execution; {@link #NO_STATEMENT_LIMIT} for none. Breach: {@code statement_limit}. */
    public long statementLimit() { return statementLimit; }

    /**
     * Bytes the thread running the script may allocate during one execution, garbage included
     * (this is a churn budget, not a live-heap cap); {@link #NO_ALLOCATION_LIMIT} for none.
     * Sampled every few milliseconds, so one large allocation may overshoot it. Breach: {@code memory_limit}.
     */
    public long maxAllocatedBytes() { return maxAllocatedBytes; }

    /** UTF-8 bytes of an action's JSON output. Breach: {@code output_too_large}. */
    public long maxActionOutputBytes() { return maxActionOutputBytes; }

    /** Characters of log messages and their metadata per execution. Breach: {@code log_limit}. */
    public long maxLogBytes() { return maxLogBytes; }

    /** Records per batch call. Breach: {@code payload_too_large}, thrown to the script. */
    public int maxRecordsPerBatch() { return maxRecordsPerBatch; }

    /** UTF-8 bytes of one metadata argument. Breach: {@code payload_too_large}, thrown to the script. */
    public long maxMetadataBytes() { return maxMetadataBytes; }

    /** UTF-8 bytes of one checkpoint. Breach: {@code payload_too_large}, thrown to the script. */
    public long maxCheckpointBytes() { return maxCheckpointBytes; }

    /** Timers pending at once. Breach: {@code timer_limit}. */
    public int maxPendingTimers() { return maxPendingTimers; }

    /**
     * Characters of JSON text in one message across the bridge, either way (arguments of a
     * {@code nango} call, or its answer). Breach: {@code payload_too_large}, thrown to the script.
     */
    public long maxBridgeMessageChars() { return maxBridgeMessageChars; }

    /** Whether {@code eval}, {@code new Function} and friends may compile strings. Off in {@link #strict()}. */
    public boolean allowCodeGeneration() { return allowCodeGeneration; }

    /**
     * Whether {@code nango.getConnection(key, id)} may read a connection other than the one the
     * script runs for (Nango allows it environment-wide). Default false: the call fails with
     * {@code connection_not_allowed} before the binding is asked.
     */
    public boolean allowOtherConnections() { return allowOtherConnections; }

    /** Module names {@code require} may load, without the {@code node:} prefix. Default {@link #DEFAULT_ALLOWED_MODULES}. */
    public Set<String> allowedModules() { return allowedModules; }

    /** Where proxy calls may go. Default {@link EgressRules#publicInternetOnly()}. */
    public EgressRules egress() { return egress; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScriptPolicy p && actionTimeout.equals(p.actionTimeout) && syncTimeout.equals(p.syncTimeout)
                && statementLimit == p.statementLimit && maxAllocatedBytes == p.maxAllocatedBytes
                && maxActionOutputBytes == p.maxActionOutputBytes && maxLogBytes == p.maxLogBytes
                && maxRecordsPerBatch == p.maxRecordsPerBatch && maxMetadataBytes == p.maxMetadataBytes
                && maxCheckpointBytes == p.maxCheckpointBytes && maxPendingTimers == p.maxPendingTimers
                && maxBridgeMessageChars == p.maxBridgeMessageChars && allowCodeGeneration == p.allowCodeGeneration
                && allowOtherConnections == p.allowOtherConnections
                && allowedModules.equals(p.allowedModules) && egress.equals(p.egress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actionTimeout, syncTimeout, statementLimit, maxAllocatedBytes, maxActionOutputBytes, maxLogBytes,
                maxRecordsPerBatch, maxMetadataBytes, maxCheckpointBytes, maxPendingTimers, maxBridgeMessageChars,
                allowCodeGeneration, allowOtherConnections, allowedModules, egress);
    }

    @Override
    public String toString() {
        return "ScriptPolicy[actionTimeout=" + actionTimeout + ", syncTimeout=" + syncTimeout
                + ", statementLimit=" + statementLimit + ", maxAllocatedBytes=" + maxAllocatedBytes
                + ", maxActionOutputBytes=" + maxActionOutputBytes + ", maxLogBytes=" + maxLogBytes
                + ", maxRecordsPerBatch=" + maxRecordsPerBatch + ", maxMetadataBytes=" + maxMetadataBytes
                + ", maxCheckpointBytes=" + maxCheckpointBytes + ", maxPendingTimers=" + maxPendingTimers
                + ", maxBridgeMessageChars=" + maxBridgeMessageChars + ", allowCodeGeneration=" + allowCodeGeneration
                + ", allowOtherConnections=" + allowOtherConnections
                + ", allowedModules=" + new TreeSet<>(allowedModules) + ", egress=" + egress + "]";
    }

    /**
     * Builds a policy. Single values are checked by their setters (an {@link IllegalArgumentException}
     * naming the setting, the rule, the value and the fix); {@link #build()} never fails.
     */
    public static final class Builder {
        private Duration actionTimeout = DEFAULT_ACTION_TIMEOUT;
        private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
        private long statementLimit = NO_STATEMENT_LIMIT;
        private long maxAllocatedBytes = NO_ALLOCATION_LIMIT;
        private long maxActionOutputBytes = DEFAULT_MAX_ACTION_OUTPUT_BYTES;
        private long maxLogBytes = DEFAULT_MAX_LOG_BYTES;
        private int maxRecordsPerBatch = DEFAULT_MAX_RECORDS_PER_BATCH;
        private long maxMetadataBytes = DEFAULT_MAX_METADATA_BYTES;
        private long maxCheckpointBytes = DEFAULT_MAX_CHECKPOINT_BYTES;
        private int maxPendingTimers = DEFAULT_MAX_PENDING_TIMERS;
        private long maxBridgeMessageChars = DEFAULT_MAX_BRIDGE_MESSAGE_CHARS;
        private boolean allowCodeGeneration = true;
        private boolean allowOtherConnections;
        private Set<String> allowedModules = DEFAULT_ALLOWED_MODULES;
        private EgressRules egress = EgressRules.publicInternetOnly();

        private Builder() {
        }

        private Builder(ScriptPolicy p) {
            actionTimeout = p.actionTimeout;
            syncTimeout = p.syncTimeout;
            statementLimit = p.statementLimit;
            maxAllocatedBytes = p.maxAllocatedBytes;
            maxActionOutputBytes = p.maxActionOutputBytes;
            maxLogBytes = p.maxLogBytes;
            maxRecordsPerBatch = p.maxRecordsPerBatch;
            maxMetadataBytes = p.maxMetadataBytes;
            maxCheckpointBytes = p.maxCheckpointBytes;
            maxPendingTimers = p.maxPendingTimers;
            maxBridgeMessageChars = p.maxBridgeMessageChars;
            allowCodeGeneration = p.allowCodeGeneration;
            allowOtherConnections = p.allowOtherConnections;
            allowedModules = p.allowedModules;
            egress = p.egress;
        }

        /** Wall clock of an action, positive. Default {@link #DEFAULT_ACTION_TIMEOUT}. */
        public Builder actionTimeout(Duration timeout) {
            actionTimeout = positive(timeout, "actionTimeout");
            return this;
        }

        /** Wall clock of a sync (and webhook / on-event scripts), positive. Default {@link #DEFAULT_SYNC_TIMEOUT}. */
        public Builder syncTimeout(Duration timeout) {
            syncTimeout = positive(timeout, "syncTimeout");
            return this;
        }

        /** Both wall-clock budgets at once. */
        public Builder timeout(Duration timeout) {
            return actionTimeout(timeout).syncTimeout(timeout);
        }

        /** Statements per execution, or {@link #NO_STATEMENT_LIMIT}. Default: none ({@link #strict()}: {@value #DEFAULT_STRICT_STATEMENT_LIMIT}). */
        public Builder statementLimit(long statements) {
            statementLimit = atLeast(statements, 0, "statementLimit", "statements", "pass 0 for no limit");
            return this;
        }

        /**
         * Bytes the executing thread may allocate, at least {@link #MIN_ALLOCATED_BYTES}, or
         * {@link #NO_ALLOCATION_LIMIT}. Default: none ({@link #strict()}: 1 GiB).
         */
        public Builder maxAllocatedBytes(long bytes) {
            if (bytes != NO_ALLOCATION_LIMIT && bytes < MIN_ALLOCATED_BYTES) {
                throw new IllegalArgumentException("ScriptPolicy.maxAllocatedBytes must be 0 (no limit) or at least "
                        + MIN_ALLOCATED_BYTES + " bytes, was " + bytes + "; a context alone allocates a few MiB");
            }
            maxAllocatedBytes = bytes;
            return this;
        }

        /** Bytes of an action's JSON output, at least 1. Default {@link #DEFAULT_MAX_ACTION_OUTPUT_BYTES}. */
        public Builder maxActionOutputBytes(long bytes) {
            maxActionOutputBytes = atLeast(bytes, 1, "maxActionOutputBytes", "bytes", "use a positive size");
            return this;
        }

        /** Log characters per execution, at least 1. Default {@link #DEFAULT_MAX_LOG_BYTES} ({@link #strict()}: 8 MiB). */
        public Builder maxLogBytes(long bytes) {
            maxLogBytes = atLeast(bytes, 1, "maxLogBytes", "bytes", "use a positive size");
            return this;
        }

        /** Records per batch call, at least 1. Default {@value #DEFAULT_MAX_RECORDS_PER_BATCH} ({@link #strict()}: {@value #DEFAULT_STRICT_MAX_RECORDS_PER_BATCH}). */
        public Builder maxRecordsPerBatch(int records) {
            maxRecordsPerBatch = (int) atLeast(records, 1, "maxRecordsPerBatch", "records", "use a positive count");
            return this;
        }

        /** Bytes of one metadata argument, at least 2 (the JSON {@code {}}). Default 1 MiB ({@link #strict()}: 64 KiB). */
        public Builder maxMetadataBytes(long bytes) {
            maxMetadataBytes = atLeast(bytes, 2, "maxMetadataBytes", "bytes", "an empty object alone takes 2");
            return this;
        }

        /** Bytes of one checkpoint, at least 2. Default {@link #DEFAULT_MAX_CHECKPOINT_BYTES}. */
        public Builder maxCheckpointBytes(long bytes) {
            maxCheckpointBytes = atLeast(bytes, 2, "maxCheckpointBytes", "bytes", "an empty object alone takes 2");
            return this;
        }

        /** Pending timers, at least 1. Default {@value #DEFAULT_MAX_PENDING_TIMERS} ({@link #strict()}: {@value #DEFAULT_STRICT_MAX_PENDING_TIMERS}). */
        public Builder maxPendingTimers(int timers) {
            maxPendingTimers = (int) atLeast(timers, 1, "maxPendingTimers", "timers", "use a positive count");
            return this;
        }

        /** Characters of one bridge message, at least 1024. Default 64 Mi ({@link #strict()}: 16 Mi). */
        public Builder maxBridgeMessageChars(long chars) {
            maxBridgeMessageChars = atLeast(chars, 1024, "maxBridgeMessageChars", "characters",
                    "smaller values would refuse ordinary nango calls");
            return this;
        }

        /** Whether strings may be compiled to code ({@code eval}, {@code new Function}). Default true; false in {@link #strict()}. */
        public Builder allowCodeGeneration(boolean allow) {
            allowCodeGeneration = allow;
            return this;
        }

        /** Whether a script may read connections other than its own. Default false (both presets). */
        public Builder allowOtherConnections(boolean allow) {
            allowOtherConnections = allow;
            return this;
        }

        /** Module names {@code require} may load, without {@code node:}. Default {@link #DEFAULT_ALLOWED_MODULES}. */
        public Builder allowedModules(Set<String> modules) {
            Objects.requireNonNull(modules, "allowedModules");
            for (String m : modules) {
                if (m == null || m.isBlank() || m.startsWith("node:")) {
                    throw new IllegalArgumentException("ScriptPolicy.allowedModules must hold module names without the "
                            + "'node:' prefix, was " + modules + "; write 'crypto', not 'node:crypto'");
                }
            }
            allowedModules = Set.copyOf(modules);
            return this;
        }

        /** Where proxy calls may go. Default {@link EgressRules#publicInternetOnly()}. */
        public Builder egress(EgressRules rules) {
            egress = Objects.requireNonNull(rules, "egress");
            return this;
        }

        /** The policy. Never fails: every value was checked when it was set. */
        public ScriptPolicy build() {
            return new ScriptPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("ScriptPolicy." + name + " must be positive, was " + d
                        + "; use at least Duration.ofMillis(1)");
            }
            return d;
        }

        private static long atLeast(long value, long min, String name, String unit, String remedy) {
            if (value < min) {
                throw new IllegalArgumentException("ScriptPolicy." + name + " must be at least " + min + " " + unit
                        + ", was " + value + "; " + remedy);
            }
            return value;
        }
    }
}
