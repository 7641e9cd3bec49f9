package dev.nangojvm.bindings.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void formatsLikePostgresToJsonInUtc() {
        assertThat(Timestamps.format(Instant.parse("2024-05-01T10:00:00.123456789Z"))).isEqualTo("2024-05-01T10:00:00.123456+00:00");
        assertThat(Timestamps.format(Instant.parse("2024-05-01T10:00:00.120Z"))).isEqualTo("2024-05-01T10:00:00.12+00:00");
        assertThat(Timestamps.format(Instant.parse("2024-05-01T10:00:00Z"))).isEqualTo("2024-05-01T10:00:00+00:00");
    }

    @Test
    void formattedTextParsesBackToTheSameMicrosecond() {
        Instant t = Instant.parse("2024-05-01T10:00:00.000007Z");
        assertThat(Timestamps.parseIsoWithOffset(Timestamps.format(t))).contains(t);
    }

    @Test
    void deletedAtAcceptsIsoDateTimesDatesAndEpochMillis() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertThat(Timestamps.parseLenient(f.textNode("2024-01-02T03:04:05.678Z"))).contains(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(Timestamps.parseLenient(f.textNode("2024-01-02T03:04:05+02:00"))).contains(Instant.parse("2024-01-02T01:04:05Z"));
        assertThat(Timestamps.parseLenient(f.textNode("2024-01-02T03:04:05"))).contains(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parseLenient(f.textNode("2024-01-02"))).contains(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(Timestamps.parseLenient(f.numberNode(1_700_000_000_000L))).contains(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(Timestamps.parseLenient(f.textNode("yesterday"))).isEmpty();
    }
}
