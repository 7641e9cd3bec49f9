package dev.nangojvm.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchMetricsTest {
    @Test
    void withoutOnlyEveryMetricRuns() {
        assertThat(BenchCommand.metrics(null)).containsExactly("P1", "P2", "P3", "P4", "P5", "P6");
    }

    @Test
    void onlyTakesACommaSeparatedListInAnyCase() {
        assertThat(BenchCommand.metrics(" p3, P1")).containsExactly("P3", "P1");
    }

    @Test
    void anUnknownMetricIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> BenchCommand.metrics("P1,P9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--only takes metrics P1 to P6 separated by commas, e.g. --only P1,P3; got 'P9'");
    }
}
