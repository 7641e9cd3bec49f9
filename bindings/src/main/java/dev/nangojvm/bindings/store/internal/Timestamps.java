package dev.nangojvm.bindings.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Timestamp conventions of the records store: microsecond precision (PostgreSQL's), and the text
 * form PostgreSQL's {@code to_json(timestamptz)} gives in a UTC session, which is what Nango
 * returns in {@code _nango_metadata}: {@code 2024-05-01T10:00:00.12345+00:00} (trailing zeros of
 * the fraction dropped, no fraction at all on a whole second).
 *
 * <p>Not API: used by the stores of this package tree.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** {@code instant} truncated to microseconds. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The PostgreSQL-style ISO text of {@code instant} (microseconds, {@code +00:00}). */
    public static String format(Instant instant) {
        OffsetDateTime t = micros(instant).atOffset(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(32);
        out.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String fraction = String.format("%06d", micros).replaceFirst("0+$", "");
            out.append('.').append(fraction);
        }
        return out.append("+00:00").toString();
    }

    /** Parses an ISO timestamp with an offset, as produced by {@link #format}; empty if it is not one. */
    public static Optional<Instant> parseIsoWithOffset(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads a record's {@code deletedAt} the way Nango's {@code dayjs(deletedAt)} does for the
     * usual shapes: an ISO date-time (with or without offset; without one it is UTC, the server's
     * zone), an ISO date, or a number of epoch milliseconds. Empty when the value is not usable.
     */
    public static Optional<Instant> parseLenient(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(value.longValue()));
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue().trim();
        Optional<Instant> withOffset = parseIsoWithOffset(text);
        if (withOffset.isPresent()) {
            return withOffset;
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocalDateTime) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
