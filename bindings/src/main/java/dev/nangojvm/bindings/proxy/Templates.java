package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nango's provider template language ({@code interpolateIfNeeded}): {@code ${dot.path}} lookups of
 * strings and numbers (anything else leaves the placeholder literal), a top-level {@code A || B}
 * fallback (A only if interpolation changed it), the functions {@code base64}, {@code sha256Hex},
 * {@code sha256Base64}, {@code hmacSha1Hex} and {@code ed25519Sign}, {@code ${now}},
 * {@code ${now:FORMAT}}, {@code ${now+N:unit:FORMAT}} (dayjs tokens, UTC) and {@code ${random}}.
 * {@code awsSigV4(...)} and {@code fingerprint(...)} are not supported and stay literal.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}]*)}");
    private static final Pattern OFFSET_NOW = Pattern.compile("^now([+-]\\d+):([a-zA-Z]+):(.+)$");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Templates() {
    }

    /** {@code interpolateIfNeeded}: strings without {@code ${} come back unchanged. */
    static String interpolateIfNeeded(String str, JsonNode replacers, Clock clock) {
        if (!str.contains("${")) {
            return str;
        }
        if (str.contains("||")) {
            String[] parts = splitFallback(str);
            String left = parts[0].isEmpty() ? null : fromObject(parts[0], replacers, clock);
            if (left != null && !left.isEmpty() && !left.equals(parts[0])) {
                return left;
            }
            return parts.length > 1 && !parts[1].isEmpty() ? fromObject(parts[1], replacers, clock) : "";
        }
        return fromObject(str, replacers, clock);
    }

    /** {@code interpolateStringFromObject}. */
    static String fromObject(String input, JsonNode replacers, Clock clock) {
        UnaryOperator<String> inner = s -> fromObject(s, replacers, clock);
        String str = hmacSha1Hex(input, inner);
        str = replaceFn(str, "base64", inner, v -> Base64.getEncoder().encodeToString(utf8(v)));
        str = replaceFn(str, "sha256Hex", inner, v -> HexFormat.of().formatHex(sha256(v)));
        str = replaceFn(str, "sha256Base64", inner, v -> Base64.getEncoder().encodeToString(sha256(v)));
        str = ed25519Sign(str, inner);
        if (str.contains("||")) {
            String[] parts = splitFallback(str);
            if (!parts[0].isEmpty()) {
                String left = fromObject(parts[0], replacers, clock);
                if (!left.isEmpty() && !left.equals(parts[0])) {
                    return left;
                }
            }
            return parts.length > 1 && !parts[1].isEmpty() ? fromObject(parts[1], replacers, clock) : "";
        }
        return PLACEHOLDER.matcher(str).replaceAll(m -> Matcher.quoteReplacement(resolve(m.group(1), m.group(), replacers, clock)));
    }

    private static String resolve(String expr, String literal, JsonNode replacers, Clock clock) {
        String now = now(expr, replacers, clock);
        if (now != null) {
            return now;
        }
        if (expr.equals("random")) {
            String r = Json.text(replacers, "random");
            return r != null ? r : UUID.randomUUID().toString();
        }
        if (expr.equals("endpoint")) {
            String e = Json.text(replacers, "endpoint");
            return e != null ? e : "";
        }
        JsonNode v = lookup(replacers, expr);
        if (v != null && (v.isTextual() || v.isNumber())) {
            return JsValues.string(v);
        }
        return literal;
    }

    /** Dot-path walk first, then a flat key that may itself contain dots. */
    private static JsonNode lookup(JsonNode replacers, String path) {
        JsonNode current = replacers;
        for (String part : path.split("\\.", -1)) {
            current = current == null || current.isNull() ? null
                    : current.isObject() ? current.get(part)
                    : current.isArray() && part.matches("\\d{1,9}") ? current.get(Integer.parseInt(part)) : null;
        }
        if (current != null && !current.isNull()) {
            return current;
        }
        return replacers.get(path);
    }

    // "A || B" split as JavaScript's str.split('||').map(trim): only the first two parts matter.
    private static String[] splitFallback(String s) {
        String[] parts = s.split("\\|\\|", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static String replaceFn(String str, String name, UnaryOperator<String> inner, UnaryOperator<String> fn) {
        Pattern p = Pattern.compile("\\$\\{" + name + "\\((.*?)\\)}");
        return p.matcher(str).replaceAll(m -> Matcher.quoteReplacement(fn.apply(inner.apply(m.group(1)))));
    }

    private static String hmacSha1Hex(String str, UnaryOperator<String> inner) {
        return Pattern.compile("\\$\\{hmacSha1Hex\\(([\\s\\S]*?)\\)}").matcher(str).replaceAll(m -> {
            String args = m.group(1);
            int comma = args.lastIndexOf(',');
            if (comma < 0) {
                return Matcher.quoteReplacement(m.group());
            }
            String message = inner.apply(args.substring(0, comma));
            String key = inner.apply(args.substring(comma + 1).strip());
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(utf8(key), "HmacSHA1"));
                return HexFormat.of().formatHex(mac.doFinal(utf8(message)));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                return Matcher.quoteReplacement(m.group());
            }
        });
    }

    private static String ed25519Sign(String str, UnaryOperator<String> inner) {
        return Pattern.compile("\\$\\{ed25519Sign\\(([\\s\\S]*?)\\)}").matcher(str).replaceAll(m -> {
            String args = m.group(1);
            int comma = args.lastIndexOf(',');
            String message = comma < 0 ? "" : inner.apply(args.substring(0, comma));
            String pem = comma < 0 ? "" : inner.apply(args.substring(comma + 1).strip());
            if (message.isEmpty() || pem.isEmpty() || message.contains("${") || pem.contains("${")) {
                return Matcher.quoteReplacement(m.group());
            }
            try {
                String body = pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
                var key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
                Signature sig = Signature.getInstance("Ed25519");
                sig.initSign(key);
                sig.update(utf8(message));
                return Matcher.quoteReplacement(Base64.getEncoder().encodeToString(sig.sign()));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                return Matcher.quoteReplacement(m.group());
            }
        });
    }

    private static String now(String expr, JsonNode replacers, Clock clock) {
        if (expr.equals("now")) {
            String stable = Json.text(replacers, "now");
            return stable != null ? stable : ISO.format(clock.instant());
        }
        Matcher offset = OFFSET_NOW.matcher(expr);
        if (offset.matches()) {
            ZonedDateTime t = DayjsFormat.add(nowDate(replacers, clock), Long.parseLong(offset.group(1)), offset.group(2));
            return DayjsFormat.format(t, offset.group(3));
        }
        if (expr.startsWith("now:") && expr.length() > 4) {
            return DayjsFormat.format(nowDate(replacers, clock), expr.substring(4));
        }
        return null;
    }

    private static ZonedDateTime nowDate(JsonNode replacers, Clock clock) {
        String stable = Json.text(replacers, "now");
        Instant i = stable != null ? Instant.parse(stable) : clock.instant();
        return i.atZone(ZoneOffset.UTC);
    }

    /** {@code getStableInterpolationReplacers}: one {@code now} / {@code random} per request when templates use them. */
    static void addStableReplacers(ObjectNode replacers, Iterable<String> templates, Clock clock) {
        boolean random = false;
        boolean now = false;
        for (String t : templates) {
            random |= t.contains("${random}");
            now |= t.contains("${now}") || t.contains("${now:") || t.contains("${awsSigV4(");
        }
        if (random) {
            replacers.put("random", UUID.randomUUID().toString());
        }
        if (now) {
            replacers.put("now", ISO.format(clock.instant()));
        }
    }

    /** JavaScript {@code Date.prototype.toISOString()}. */
    static String isoString(Instant instant) {
        return ISO.format(instant);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(utf8(s));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subset of dayjs formatting and arithmetic that providers.yaml templates use. */
    static final class DayjsFormat {
        private static final Pattern TOKENS = Pattern.compile("\\[([^\\]]*)]|YYYY|YY|MM|M|DD|D|HH|H|hh|h|mm|m|ss|s|SSS|ZZ|Z|A|a|X|x");

        private DayjsFormat() {
        }

        static ZonedDateTime add(ZonedDateTime t, long amount, String unit) {
            return switch (unit.length() > 1 && unit.endsWith("s") && !unit.equals("ms") ? unit.substring(0, unit.length() - 1) : unit) {
                case "millisecond", "ms" -> t.plusNanos(amount * 1_000_000);
                case "second", "s" -> t.plusSeconds(amount);
                case "minute", "m" -> t.plusMinutes(amount);
                case "hour", "h" -> t.plusHours(amount);
                case "day", "d", "D" -> t.plusDays(amount);
                case "week", "w" -> t.plusWeeks(amount);
                case "month", "M" -> t.plusMonths(amount);
                case "year", "y" -> t.plusYears(amount);
                default -> t;
            };
        }

        static String format(ZonedDateTime t, String format) {
            if (format.equals("X")) {
                return String.valueOf(t.toEpochSecond());
            }
            if (format.equals("x")) {
                return String.valueOf(t.toInstant().toEpochMilli());
            }
            return TOKENS.matcher(format).replaceAll(m -> Matcher.quoteReplacement(token(t, m)));
        }

        private static String token(ZonedDateTime t, java.util.regex.MatchResult m) {
            if (m.group(1) != null) {
                return m.group(1);
            }
            int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            return switch (m.group()) {
                case "YYYY" -> String.format(Locale.ROOT, "%04d", t.getYear());
                case "YY" -> String.format(Locale.ROOT, "%02d", t.getYear() % 100);
                case "MM" -> String.format(Locale.ROOT, "%02d", t.getMonthValue());
                case "M" -> String.valueOf(t.getMonthValue());
                case "DD" -> String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
                case "D" -> String.valueOf(t.getDayOfMonth());
                case "HH" -> String.format(Locale.ROOT, "%02d", t.getHour());
                case "H" -> String.valueOf(t.getHour());
                case "hh" -> String.format(Locale.ROOT, "%02d", h12);
                case "h" -> String.valueOf(h12);
                case "mm" -> String.format(Locale.ROOT, "%02d", t.getMinute());
                case "m" -> String.valueOf(t.getMinute());
                case "ss" -> String.format(Locale.ROOT, "%02d", t.getSecond());
                case "s" -> String.valueOf(t.getSecond());
                case "SSS" -> String.format(Locale.ROOT, "%03d", t.getNano() / 1_000_000);
                case "Z" -> "+00:00";
                case "ZZ" -> "+0000";
                case "A" -> t.getHour() < 12 ? "AM" : "PM";
                case "a" -> t.getHour() < 12 ? "am" : "pm";
                case "X" -> String.valueOf(t.toEpochSecond());
                default -> String.valueOf(t.toInstant().toEpochMilli());
            };
        }
    }
}
