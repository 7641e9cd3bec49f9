package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.bindings.ProxyResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Nango's {@code getProxyRetryFromErr}: whether a failed attempt is retried, why, and how long to
 * wait when a header or body says so (null wait: the caller's exponential backoff applies).
 */
final class RetryRules {

    /** Node error codes Nango retries ({@code NANGO_RETRYABLE_NETWORK_ERRORS} is not supported). */
    static final Set<String> NETWORK_CODES = Set.of("ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "ECONNREFUSED",
            "EHOSTUNREACH", "EAI_AGAIN", "UND_ERR_SOCKET");

    private static final long MS_1972 = 63_072_000_000L;

    /** The outcome; {@code waitMs} null means "use the backoff". */
    record Decision(boolean retry, String reason, Double waitMs) {
        static Decision stop(String reason) {
            return new Decision(false, reason, null);
        }
    }

    private record Wait(String reason, double ms) {
    }

    private RetryRules() {
    }

    static Decision decide(NangoException err, ProxyConfiguration cfg, Provider provider, long nowMs, ZoneId zone) {
        if (err instanceof ProxyNetworkException) {
            return NETWORK_CODES.contains(err.code()) ? new Decision(true, "network_error", null) : retryable(0, null, cfg, provider, nowMs, zone);
        }
        if (err instanceof ProxyHttpException http) {
            return retryable(http.response().status(), http.response(), cfg, provider, nowMs, zone);
        }
        return Decision.stop("unknown_error");
    }

    private static Decision retryable(int status, ProxyResponse res, ProxyConfiguration cfg, Provider provider, long nowMs, ZoneId zone) {
        JsonNode conf = provider.retry();
        String reason = retryReason(status, res, cfg, conf);
        if (reason == null) {
            return Decision.stop("not_retryable");
        }
        Wait wait = res == null ? null : waitFromHeaders(cfg.retryHeader(), res, nowMs, zone, "custom_");
        if (wait == null && res != null) {
            wait = waitFromHeaders(conf, res, nowMs, zone, "preconfigured_");
        }
        if (wait == null && res != null && JsValues.truthy(conf.get("in_body"))) {
            wait = waitFromBody(conf.get("in_body"), res, nowMs, zone);
        }
        return wait != null ? new Decision(true, wait.reason(), wait.ms()) : new Decision(true, reason, null);
    }

    /** Why the status is retryable, or null: provider error codes (else the default set), then retryOn, then remaining=0. */
    private static String retryReason(int status, ProxyResponse res, ProxyConfiguration cfg, JsonNode conf) {
        String fallback = "status_code_" + status;
        if (conf.path("error_code").isArray()) {
            for (JsonNode rule : conf.path("error_code")) {
                if (matchesStatus(status, rule)) {
                    return "provider_error_code_" + JsValues.string(rule);
                }
            }
        } else if (status >= 500 || status == 429 || status == 401) {
            return fallback;
        }
        if (cfg.retryOn().isArray()) {
            for (JsonNode code : cfg.retryOn()) {
                if (JsValues.number(code) == status) {
                    return "retry_on_" + status;
                }
            }
        }
        boolean exhausted = JsValues.truthy(conf.get("remaining")) && res != null
                && "0".equals(ResponseData.first(res.headers(), Json.text(conf, "remaining")));
        return exhausted ? "provider_remaining" : null;
    }

    /** {@code "403"} exact, {@code "5xx"} class, {@code "500-502"} range. */
    static boolean matchesStatus(int status, JsonNode rule) {
        if (!JsValues.truthy(rule)) {
            return false;
        }
        double exact = JsValues.number(rule);
        if (!Double.isNaN(exact)) {
            return status == exact;
        }
        String r = JsValues.string(rule);
        Matcher xx = Pattern.compile("^(\\d)xx$", Pattern.CASE_INSENSITIVE).matcher(r);
        if (xx.matches()) {
            return status / 100 == Integer.parseInt(xx.group(1));
        }
        Matcher range = Pattern.compile("^(\\d{3})-(\\d{3})$").matcher(r);
        return range.matches() && status >= Integer.parseInt(range.group(1)) && status <= Integer.parseInt(range.group(2));
    }

    // "at" wins over "after" when both are configured; with several header names the longest wait wins.
    private static Wait waitFromHeaders(JsonNode conf, ProxyResponse res, long nowMs, ZoneId zone, String prefix) {
        boolean at = JsValues.truthy(conf.get("at"));
        if (!at && !JsValues.truthy(conf.get("after"))) {
            return null;
        }
        JsonNode source = at ? conf.get("at") : conf.get("after");
        List<String> names = new ArrayList<>();
        if (source.isArray()) {
            source.forEach(n -> names.add(JsValues.string(n)));
        } else {
            names.add(JsValues.string(source));
        }
        Double best = null;
        for (String name : names) {
            Double ms = parse(at, ResponseData.first(res.headers(), name), nowMs, zone);
            if (ms != null && (best == null || ms > best)) {
                best = ms;
            }
        }
        return best == null ? null : new Wait(prefix + (at ? "at" : "after"), best);
    }

    private static Wait waitFromBody(JsonNode inBody, ProxyResponse res, long nowMs, ZoneId zone) {
        if (!JsValues.truthy(res.data())) {
            return null;
        }
        JsonNode message = JsValues.get(res.data(), Json.text(inBody, "path"));
        if (!JsValues.truthy(message) || !message.isTextual()) {
            return null;
        }
        String regex = Json.text(inBody, "value");
        Matcher m;
        try {
            m = Pattern.compile(regex == null || regex.isEmpty() ? "(?:)" : regex).matcher(message.textValue());
        } catch (PatternSyntaxException e) {
            return null;
        }
        if (!m.find() || m.groupCount() < 1 || m.group(1) == null || m.group(1).isEmpty()) {
            return null;
        }
        boolean at = "at".equals(Json.text(inBody, "strategy"));
        Double ms = parse(at, m.group(1).strip(), nowMs, zone);
        return ms == null ? null : new Wait("preconfigured_in_body:" + (at ? "at" : "after"), ms);
    }

    /**
     * {@code after}: numeric seconds, times 1000 (HTTP dates are not numbers, so not found).
     * {@code at}: an epoch in milliseconds when it lands after 1971 as such, else seconds, or a date
     * string; wait = whole seconds until then, times 1000; a reset in the past is not found.
     */
    static Double parse(boolean at, String raw, long nowMs, ZoneId zone) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        double n = JsValues.number(raw);
        if (!at) {
            return Double.isNaN(n) ? null : n * 1000;
        }
        double resetEpoch;
        if (!Double.isNaN(n)) {
            resetEpoch = n >= MS_1972 ? Math.floor(n / 1000) : n;
        } else {
            Instant date = parseJsDate(raw, zone);
            if (date == null) {
                return null;
            }
            resetEpoch = Math.floor(date.toEpochMilli() / 1000.0);
        }
        long nowEpoch = Math.floorDiv(nowMs, 1000);
        if (resetEpoch <= nowEpoch) {
            return null;
        }
        return Math.ceil(resetEpoch - nowEpoch) * 1000;
    }

    /** The date strings V8's {@code new Date(s)} reads in practice: ISO 8601 and RFC 1123/2822. */
    static Instant parseJsDate(String s, ZoneId zone) {
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();   // V8: date-time without offset is local
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant(); // V8: date-only is UTC
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
