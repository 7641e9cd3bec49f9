package dev.nangojvm.cli.dryrun;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date strings {@code new Date(s)} accepts that matter for {@code --lastSyncDate}: ISO 8601
 * (date-only forms are UTC, date-times without an offset are local time, as in V8; a space may
 * replace the {@code T}) and RFC 1123 ({@code Tue, 02 Jan 2024 10:00:00 GMT}).
 */
public final class JsDates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"
            + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private JsDates() { }

    /** The instant, or empty when V8 would answer {@code Invalid Date} (or the form is not supported). */
    public static Optional<Instant> parse(String s, ZoneId localZone) {
        String t = s.strip();
        Matcher m = ISO.matcher(t);
        try {
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                LocalDate date = LocalDate.of(year, month, day);
                if (m.group(4) == null) {
                    return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                String fraction = m.group(7) == null ? "0" : (m.group(7) + "000000000").substring(0, 9);
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(fraction));
                LocalDateTime local = LocalDateTime.of(date, time);
                String offset = m.group(8);
                if (offset == null) {
                    return Optional.of(local.atZone(localZone).toInstant());
                }
                ZoneOffset zone = offset.equals("Z") ? ZoneOffset.UTC
                        : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
                return Optional.of(OffsetDateTime.of(local, zone).toInstant());
            }
            return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
