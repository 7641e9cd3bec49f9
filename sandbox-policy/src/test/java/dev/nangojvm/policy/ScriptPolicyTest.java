package dev.nangojvm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptPolicyTest {

    @Test
    void standardKeepsNangosLimitsAndSwitchesTheBudgetsOff() {
        ScriptPolicy p = ScriptPolicy.standard();
        assertThat(p.actionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.syncTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(p.maxActionOutputBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(p.statementLimit()).isEqualTo(ScriptPolicy.NO_STATEMENT_LIMIT);
        assertThat(p.maxAllocatedBytes()).isEqualTo(ScriptPolicy.NO_ALLOCATION_LIMIT);
        assertThat(p.allowCodeGeneration()).isTrue();
        assertThat(p.egress()).isEqualTo(EgressRules.publicInternetOnly());
        assertThat(ScriptPolicy.defaults()).isEqualTo(p);
    }

    @Test
    void strictTurnsOffCodeGenerationAndTightensEveryCap() {
        ScriptPolicy s = ScriptPolicy.strict();
        ScriptPolicy d = ScriptPolicy.standard();
        assertThat(s.allowCodeGeneration()).isFalse();
        assertThat(s.statementLimit()).isPositive();
        assertThat(s.maxAllocatedBytes()).isEqualTo(1L << 30);
        assertThat(s.maxLogBytes()).isLessThan(d.maxLogBytes());
        assertThat(s.maxRecordsPerBatch()).isLessThan(d.maxRecordsPerBatch());
        assertThat(s.maxMetadataBytes()).isLessThan(d.maxMetadataBytes());
        assertThat(s.maxPendingTimers()).isLessThan(d.maxPendingTimers());
        assertThat(s.maxBridgeMessageChars()).isLessThan(d.maxBridgeMessageChars());
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        ScriptPolicy s = ScriptPolicy.strict();
        ScriptPolicy v = s.toBuilder().actionTimeout(Duration.ofSeconds(5)).build();
        assertThat(v.actionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(v.toBuilder().actionTimeout(s.actionTimeout()).build()).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(v.timeoutFor("action")).isEqualTo(Duration.ofSeconds(5));
        assertThat(v.timeoutFor("sync")).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theAllowedModulesAreACopy() {
        var modules = new java.util.HashSet<>(Set.of("crypto"));
        ScriptPolicy p = ScriptPolicy.builder().allowedModules(modules).build();
        modules.add("fs");
        assertThat(p.allowedModules()).containsExactly("crypto");
    }

    @Test
    void invalidValuesAreRefusedWithTheSettingTheValueAndTheFix() {
        assertThatThrownBy(() -> ScriptPolicy.builder().actionTimeout(Duration.ZERO))
                .hasMessage("ScriptPolicy.actionTimeout must be positive, was PT0S; use at least Duration.ofMillis(1)");
        assertThatThrownBy(() -> ScriptPolicy.builder().maxAllocatedBytes(1000))
                .hasMessage("ScriptPolicy.maxAllocatedBytes must be 0 (no limit) or at least 16777216 bytes, was 1000; "
                        + "a context alone allocates a few MiB");
        assertThatThrownBy(() -> ScriptPolicy.builder().statementLimit(-1))
                .hasMessage("ScriptPolicy.statementLimit must be at least 0 statements, was -1; pass 0 for no limit");
        assertThatThrownBy(() -> ScriptPolicy.builder().maxRecordsPerBatch(0))
                .hasMessage("ScriptPolicy.maxRecordsPerBatch must be at least 1 records, was 0; use a positive count");
        assertThatThrownBy(() -> ScriptPolicy.builder().allowedModules(Set.of("node:fs")))
                .hasMessageStartingWith("ScriptPolicy.allowedModules must hold module names without the 'node:' prefix");
        assertThatThrownBy(() -> ScriptPolicy.builder().maxBridgeMessageChars(10))
                .hasMessageContaining("maxBridgeMessageChars must be at least 1024 characters, was 10");
    }
}
