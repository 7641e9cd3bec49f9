package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.cfg;
import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Proxy URL construction (Nango buildProxyURL)")
class ProxyUrlsTest {

    private static final Provider API = provider("{'auth_mode':'OAUTH2','proxy':{'base_url':'https://api.example.com/v1/'}}");
    private static final Connection OAUTH = connection("{'type':'OAUTH2','access_token':'tok-123'}");

    private static String url(String cfg, Provider provider, Connection c) {
        return ProxyUrls.build(cfg(cfg), provider, c, Clock.systemUTC()).toString();
    }

    @Nested
    @DisplayName("base and endpoint")
    class BaseAndEndpoint {
        @Test
        void joinsBaseAndEndpointWithOneSlash() {
            assertThat(url("{'endpoint':'///items'}", API, OAUTH)).isEqualTo("https://api.example.com/v1/items");
        }

        @Test
        void stripsTheBaseWhenTheEndpointIsAlreadyAbsolute() {
            assertThat(url("{'endpoint':'https://api.example.com/v1/items?x=1'}", API, OAUTH))
                    .isEqualTo("https://api.example.com/v1/items?x=1");
        }

        @Test
        void removesTheRawTemplateBaseWhereverItAppearsInTheEndpoint() {
            Provider p = provider("{'proxy':{'base_url':'https://api.example.com'}}");
            assertThat(url("{'endpoint':'https://api.example.com.evil.com/x'}", p, OAUTH))
                    .isEqualTo("https://api.example.com/.evil.com/x");
        }

        @Test
        void stripsAnOverrideBaseOnlyAtAPathBoundary() {
            assertThat(url("{'endpoint':'https://eu.example.com.evil.com/x','baseUrlOverride':'https://eu.example.com'}", API, OAUTH))
                    .isEqualTo("https://eu.example.com/https://eu.example.com.evil.com/x");
            assertThat(url("{'endpoint':'https://eu.example.com/x','baseUrlOverride':'https://eu.example.com'}", API, OAUTH))
                    .isEqualTo("https://eu.example.com/x");
        }

        @Test
        void baseUrlOverrideReplacesTheTemplate() {
            assertThat(url("{'endpoint':'/items','baseUrlOverride':'https://eu.example.com/'}", API, OAUTH))
                    .isEqualTo("https://eu.example.com/items");
        }

        @Test
        void baseUrlOverrideAloneIsEnough() {
            assertThat(url("{'baseUrlOverride':'https://eu.example.com/root'}", API, OAUTH)).isEqualTo("https://eu.example.com/root");
        }

        @Test
        void pathTraversalIsNormalisedLikeNode() {
            assertThat(url("{'endpoint':'../../admin'}", API, OAUTH)).isEqualTo("https://api.example.com/admin");
        }
    }

    @Nested
    @DisplayName("templates")
    class TemplatesInUrls {
        private final Provider subdomain = provider("{'proxy':{'base_url':'https://${connectionConfig.subdomain}.example.com/api'}}");

        @Test
        void interpolatesConnectionConfig() {
            assertThat(url("{'endpoint':'/x'}", subdomain, connection("{'type':'API_KEY','apiKey':'k'}", "{'subdomain':'acme'}")))
                    .isEqualTo("https://acme.example.com/api/x");
        }

        @Test
        void interpolatesCredentialFieldsAtTopLevelAndMetadata() {
            Provider p = provider("{'proxy':{'base_url':'https://example.com/${apiKey}/${connection_config.region}/${credentials.apiKey}'}}");
            assertThat(url("{'endpoint':'x'}", p, connection("{'type':'API_KEY','apiKey':'k1'}", "{'region':'eu'}")))
                    .isEqualTo("https://example.com/k1/eu/k1/x");
        }

        @Test
        void leavesUnresolvedPlaceholdersLiteral() {
            // Node's URL parser accepts "$", "{" and "}" in host names; DNS then fails for it.
            assertThat(url("{'endpoint':'/x'}", subdomain, connection("{'type':'API_KEY','apiKey':'k'}")))
                    .isEqualTo("https://${connection_config.subdomain}.example.com/api/x");
        }

        @Test
        void aTemplateThatLeavesTheUrlUnparsableIsATypeError() {
            Provider p = provider("{'proxy':{'base_url':'${connectionConfig.base}'}}");
            assertThatThrownBy(() -> url("{'endpoint':'/x'}", p, connection("{'type':'NONE'}")))
                    .isInstanceOf(NangoException.class).hasMessage("Invalid URL");
        }

        @Test
        void fallbackPicksTheLeftSideWhenItsFirstConnectionConfigKeyIsSet() {
            Provider p = provider("{'proxy':{'base_url':'https://${connectionConfig.host}/api || https://www.example.com/api'}}");
            assertThat(url("{'endpoint':'/x'}", p, connection("{'type':'NONE'}", "{'host':'eu.example.com'}")))
                    .isEqualTo("https://eu.example.com/api/x");
            assertThat(url("{'endpoint':'/x'}", p, connection("{'type':'NONE'}", "{'host':''}")))
                    .isEqualTo("https://www.example.com/api/x");
        }

        @Test
        void prefixedConnectionConfigKeysAreNormalised() {
            assertThat(url("{'endpoint':'/x'}", subdomain, connection("{'type':'NONE'}", "{'connectionConfig.subdomain':'acme'}")))
                    .isEqualTo("https://acme.example.com/api/x");
        }
    }

    @Nested
    @DisplayName("query parameters")
    class Params {
        @Test
        void objectParamsAreFormEncodedWithPlusAndArraysCommaJoined() {
            assertThat(url("{'endpoint':'/s','params':{'q':'a b&c','ids':[1,2],'n':3}}", API, OAUTH))
                    .isEqualTo("https://api.example.com/v1/s?q=a+b%26c&ids=1%2C2&n=3");
        }

        @Test
        void objectParamsReSerialiseTheEndpointQueryAndReplaceSameNames() {
            assertThat(url("{'endpoint':'/s?x=a%20b&n=1&n=2','params':{'n':'9'}}", API, OAUTH))
                    .isEqualTo("https://api.example.com/v1/s?x=a+b&n=9");
        }

        @Test
        void anEmptyParamsObjectLeavesTheQueryAlone() {
            assertThat(url("{'endpoint':'/s?x=a%20b','params':{}}", API, OAUTH)).isEqualTo("https://api.example.com/v1/s?x=a%20b");
        }

        @Test
        void stringParamsAreAppendedVerbatim() {
            assertThat(url("{'endpoint':'/s','params':'a=1&b=x y'}", API, OAUTH)).isEqualTo("https://api.example.com/v1/s?a=1&b=x%20y");
            assertThat(url("{'endpoint':'/s','params':'?a=1'}", API, OAUTH)).isEqualTo("https://api.example.com/v1/s?a=1");
        }

        @Test
        void stringParamsAndAQueryInTheEndpointConflict() {
            assertThatThrownBy(() -> url("{'endpoint':'/s?x=1','params':'a=1'}", API, OAUTH))
                    .isInstanceOf(NangoException.class)
                    .hasMessage("Can not set query params in endpoint and in params")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_query_params");
        }

        @Test
        void providerQueryIsAppliedAfterScriptParamsAndWins() {
            Provider p = provider("{'proxy':{'base_url':'https://api.example.com','query':{'api_key':'${apiKey}','skip':'${connectionConfig.missing}'}}}");
            assertThat(url("{'endpoint':'/s','params':{'api_key':'mine','a':'1'}}", p, connection("{'type':'API_KEY','apiKey':'secret'}")))
                    .isEqualTo("https://api.example.com/s?api_key=secret&a=1");
        }

        @Test
        void providerQueryAccessTokenIsTheOAuthToken() {
            Provider p = provider("{'proxy':{'base_url':'https://api.example.com','query':{'access_token':'${accessToken}'}}}");
            assertThat(url("{'endpoint':'/s'}", p, OAUTH)).isEqualTo("https://api.example.com/s?access_token=tok-123");
        }
    }
}
