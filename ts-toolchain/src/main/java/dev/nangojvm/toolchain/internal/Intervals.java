package dev.nangojvm.toolchain.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a sync's {@code runs} the way the Nango CLI does (§1.5): a few exact phrases, otherwise the first
 * {@code "every "} is removed and the rest parsed like vercel {@code ms}. At least 30 seconds.
 */
public final class Intervals {
    /** Result codes, used verbatim as the diagnostic message (that is what Nango prints). */
    public static final String INVALID = "sync_interval_invalid";
    public static final String TOO_SHORT = "sync_interval_too_short";

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final Map<String, Long> PHRASES = Map.of("every half day", 12 * HOUR, "every half hour",
            30 * MINUTE, "every quarter hour", 15 * MINUTE, "every hour", HOUR, "every day", DAY, "every month",
            30 * DAY, "every week", 7 * DAY);
    private static final Pattern MS = Pattern.compile("^(-?(?:\\d+)?\\.?\\d+) *(milliseconds?|msecs?|ms|seconds?|"
            + "secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$", Pattern.CASE_INSENSITIVE);

    private Intervals() {}

    /** {@code null} when valid, otherwise {@link #INVALID} or {@link #TOO_SHORT}. */
    public static String check(String runs) {
        Double millis = toMillis(runs);
        if (millis == null) {
            return INVALID;
        }
        return millis < 30 * SECOND ? TOO_SHORT : null;
    }

    /** The interval in milliseconds, or null when {@code runs} cannot be parsed. */
    public static Double toMillis(String runs) {
        Long phrase = PHRASES.get(runs);
        if (phrase != null) {
            return phrase.doubleValue();
        }
        String rest = runs.replaceFirst(Pattern.quote("every "), "");
        if (rest.isEmpty() || rest.length() > 100) {
            return null;
        }
        Matcher m = MS.matcher(rest);
        if (!m.matches()) {
            return null;
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        return n * unitMillis(unit);
    }

    private static double unitMillis(String unit) {
        return switch (unit) {
            case "years", "year", "yrs", "yr", "y" -> 365.25 * DAY;
            case "weeks", "week", "w" -> 7 * DAY;
            case "days", "day", "d" -> DAY;
            case "hours", "hour", "hrs", "hr", "h" -> HOUR;
            case "minutes", "minute", "mins", "min", "m" -> MINUTE;
            case "seconds", "second", "secs", "sec", "s" -> SECOND;
            default -> 1;
        };
    }
}
