package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.cfg;
import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.bindings.ProxyResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Retry decisions (Nango getProxyRetryFromErr)")
class RetryRulesTest {

    private static final long NOW = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final Provider PLAIN = provider("{'proxy':{'base_url':'https://x'}}");

    private static ProxyHttpException http(int status, JsonNode data, String... headerPairs) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            h.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new ProxyHttpException("GET", new ProxyResponse(status, "", h, data, "https://x/"));
    }

    private static RetryRules.Decision decide(NangoException e, ProxyConfiguration c, Provider p) {
        return RetryRules.decide(e, c, p, NOW, ZoneOffset.UTC);
    }

    @Nested
    @DisplayName("what is retryable")
    class Retryable {
        @ParameterizedTest(name = "status {0} -> {1}")
        @CsvSource({"500,true,status_code_500", "503,true,status_code_503", "429,true,status_code_429", "401,true,status_code_401",
                "400,false,not_retryable", "403,false,not_retryable", "404,false,not_retryable"})
        void defaultSetIsServerErrors429And401(int status, boolean retry, String reason) {
            var d = decide(http(status, TextNode.valueOf("")), cfg("{}"), PLAIN);
            assertThat(d.retry()).isEqualTo(retry);
            assertThat(d.reason()).isEqualTo(reason);
            assertThat(d.waitMs()).isNull();
        }

        @Test
        void retryableNetworkCodesRetryOthersDoNot() {
            assertThat(decide(new ProxyNetworkException("ECONNRESET", "read ECONNRESET", null), cfg("{}"), PLAIN))
                    .isEqualTo(new RetryRules.Decision(true, "network_error", null));
            assertThat(decide(new ProxyNetworkException("ENOTFOUND", "x", null), cfg("{}"), PLAIN).retry()).isFalse();
        }

        @Test
        void otherErrorsAreUnknownAndNeverRetried() {
            assertThat(decide(new NangoException("url_not_allowed", "x"), cfg("{}"), PLAIN)).isEqualTo(RetryRules.Decision.stop("unknown_error"));
        }

        @ParameterizedTest(name = "rule {1} status {0} -> {2}")
        @CsvSource({"403,'403',true", "404,'403',false", "502,'5xx',true", "429,'5xx',false", "501,'500-502',true", "503,'500-502',false"})
        void providerErrorCodesReplaceTheDefaultSet(int status, String rule, boolean retry) {
            Provider p = provider("{'proxy':{'base_url':'https://x','retry':{'error_code':['" + rule + "']}}}");
            var d = decide(http(status, null), cfg("{}"), p);
            assertThat(d.retry()).isEqualTo(retry);
            if (retry) {
                assertThat(d.reason()).isEqualTo("provider_error_code_" + rule);
            }
        }

        @Test
        void retryOnAddsStatusesIncludingNumericStrings() {
            assertThat(decide(http(409, null), cfg("{'retryOn':[409]}"), PLAIN).reason()).isEqualTo("retry_on_409");
            assertThat(decide(http(409, null), cfg("{'retryOn':['409']}"), PLAIN).reason()).isEqualTo("retry_on_409");
        }

        @Test
        void providerRemainingHeaderAtZeroMakesAnyStatusRetryable() {
            Provider p = provider("{'proxy':{'base_url':'https://x','retry':{'remaining':'x-ratelimit-remaining'}}}");
            assertThat(decide(http(403, null, "x-ratelimit-remaining", "0"), cfg("{}"), p).reason()).isEqualTo("provider_remaining");
            assertThat(decide(http(403, null, "x-ratelimit-remaining", "5"), cfg("{}"), p).retry()).isFalse();
        }
    }

    @Nested
    @DisplayName("how long to wait")
    class Waits {
        private final Provider github = provider("{'proxy':{'base_url':'https://x','retry':{'at':['x-ratelimit-reset'],'after':['retry-after']}}}");

        @Test
        void scriptRetryHeaderWinsOverTheProvider() {
            var d = decide(http(429, null, "x-reset-in", "7", "x-ratelimit-reset", String.valueOf(NOW / 1000 + 100)),
                    cfg("{'retryHeader':{'after':'x-reset-in'}}"), github);
            assertThat(d).isEqualTo(new RetryRules.Decision(true, "custom_after", 7000.0));
        }

        @Test
        void providerAtIsUsedBeforeAfterAndReadsEpochSeconds() {
            var d = decide(http(429, null, "x-ratelimit-reset", String.valueOf(NOW / 1000 + 42), "retry-after", "1"), cfg("{}"), github);
            assertThat(d).isEqualTo(new RetryRules.Decision(true, "preconfigured_at", 42000.0));
        }

        @Test
        void atAlsoReadsEpochMillisAndDates() {
            assertThat(RetryRules.parse(true, String.valueOf(NOW + 5500), NOW, ZoneOffset.UTC)).isEqualTo(5000.0);
            assertThat(RetryRules.parse(true, "2024-01-01T00:01:00Z", NOW, ZoneOffset.UTC)).isEqualTo(60000.0);
            assertThat(RetryRules.parse(true, "Mon, 01 Jan 2024 00:00:30 GMT", NOW, ZoneOffset.UTC)).isEqualTo(30000.0);
        }

        @Test
        void aResetInThePastOrGarbageIsNotFound() {
            assertThat(RetryRules.parse(true, String.valueOf(NOW / 1000 - 1), NOW, ZoneOffset.UTC)).isNull();
            assertThat(RetryRules.parse(true, "soon", NOW, ZoneOffset.UTC)).isNull();
            assertThat(RetryRules.parse(false, "Wed, 21 Oct 2015 07:28:00 GMT", NOW, ZoneOffset.UTC)).isNull();
        }

        @Test
        void afterIsSecondsAndMayBeFractional() {
            assertThat(RetryRules.parse(false, "1.5", NOW, ZoneOffset.UTC)).isEqualTo(1500.0);
        }

        @Test
        void theLongestOfSeveralHeadersWins() {
            Provider p = provider("{'proxy':{'base_url':'https://x','retry':{'after':['a','b','c']}}}");
            assertThat(decide(http(429, null, "a", "3", "b", "9", "c", "x"), cfg("{}"), p).waitMs()).isEqualTo(9000.0);
        }

        @Test
        void standardRetryAfterIsIgnoredUnlessConfigured() {
            assertThat(decide(http(429, null, "retry-after", "30"), cfg("{}"), PLAIN).waitMs()).isNull();
        }

        @Test
        void inBodyCapturesTheFirstGroupAtThePath() {
            Provider p = provider("{'proxy':{'base_url':'https://x','retry':{'in_body':{'path':'error.message','value':'Retry after (\\\\d+)s','strategy':'after'}}}}");
            var d = decide(http(429, json("{'error':{'message':'Slow down. Retry after 12s'}}")), cfg("{}"), p);
            assertThat(d).isEqualTo(new RetryRules.Decision(true, "preconfigured_in_body:after", 12000.0));
            assertThat(decide(http(429, json("{'error':{'message':'nope'}}")), cfg("{}"), p).reason()).isEqualTo("status_code_429");
        }

        @Test
        void headerWaitsAreNotCapped() {
            assertThat(decide(http(429, null, "x-reset-in", "7200"), cfg("{'retryHeader':{'after':['x-reset-in']}}"), PLAIN).waitMs())
                    .isEqualTo(7_200_000.0);
        }
    }
}
