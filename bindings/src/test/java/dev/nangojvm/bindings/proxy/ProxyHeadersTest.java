package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Proxy headers and authentication (Nango buildProxyHeaders)")
class ProxyHeadersTest {

    private static final Provider PLAIN = provider("{'proxy':{'base_url':'https://api.example.com'}}");

    private static Map<String, String> headers(Provider p, Connection c, String scriptHeaders) {
        return headers(p, c, scriptHeaders, IntegrationCredentials.NONE);
    }

    private static Map<String, String> headers(Provider p, Connection c, String scriptHeaders, IntegrationCredentials app) {
        WhatwgUrl url = WhatwgUrl.parse("https://api.example.com/v1/items?b=2&a=1");
        var req = new ProxyHeaders.Request("GET", "/v1/items", url, ProxyHeaders.scriptHeaders(json(scriptHeaders), "nango-test-ua"), null);
        return ProxyHeaders.build(req, p, c, app, Clock.systemUTC());
    }

    @Nested
    @DisplayName("auth by credential type")
    class Auth {
        @Test
        void oauth2AndAppSendTheAccessTokenAsBearer() {
            assertThat(headers(PLAIN, connection("{'type':'OAUTH2','access_token':'at'}"), "{}")).containsEntry("authorization", "Bearer at");
            assertThat(headers(PLAIN, connection("{'type':'APP','access_token':'app'}"), "{}")).containsEntry("authorization", "Bearer app");
        }

        @Test
        void clientCredentialsJwtAndSignatureSendTheToken() {
            for (String type : new String[] {"OAUTH2_CC", "JWT", "SIGNATURE"}) {
                assertThat(headers(PLAIN, connection("{'type':'" + type + "','token':'t1'}"), "{}")).containsEntry("authorization", "Bearer t1");
            }
        }

        @Test
        void basicEncodesUsernameAndPasswordDefaultingToEmpty() {
            assertThat(headers(PLAIN, connection("{'type':'BASIC','username':'u','password':'p'}"), "{}"))
                    .containsEntry("authorization", "Basic dTpw");
            assertThat(headers(PLAIN, connection("{'type':'BASIC','username':'u'}"), "{}"))
                    .containsEntry("authorization", "Basic dTo=");
        }

        @Test
        void apiKeyIsPlacedOnlyByProviderHeaderTemplates() {
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'x-api-key':'${apiKey}','authorization':'Token ${credentials.apiKey}'}}}");
            assertThat(headers(p, connection("{'type':'API_KEY','apiKey':'k1'}"), "{}"))
                    .containsEntry("x-api-key", "k1").containsEntry("authorization", "Token k1");
            assertThat(headers(PLAIN, connection("{'type':'API_KEY','apiKey':'k1'}"), "{}")).doesNotContainKey("authorization");
        }

        @Test
        void noneCustomAndBillSendNothing() {
            for (String type : new String[] {"NONE", "CUSTOM", "BILL"}) {
                assertThat(headers(PLAIN, connection("{'type':'" + type + "'}"), "{}")).doesNotContainKey("authorization");
            }
            assertThat(headers(PLAIN, connection("{}"), "{}")).doesNotContainKey("authorization");
        }

        @Test
        void twoStepUsesBearerUnlessAProviderHeaderCarriesTheToken() {
            assertThat(headers(PLAIN, connection("{'type':'TWO_STEP','token':'t'}"), "{}")).containsEntry("authorization", "Bearer t");
            Provider custom = provider("{'proxy':{'base_url':'https://x','headers':{'x-session':'${accessToken}'}}}");
            assertThat(headers(custom, connection("{'type':'TWO_STEP','token':'t'}"), "{}"))
                    .doesNotContainKey("authorization").containsEntry("x-session", "t");
        }

        @Test
        void unknownAndUnimplementedTypesAreUnsupportedAuth() {
            assertThatThrownBy(() -> headers(PLAIN, connection("{'type':'MAGIC'}"), "{}"))
                    .isInstanceOf(NangoException.class).hasMessage("Auth \"MAGIC\" is not supported")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unsupported_auth");
            assertThatThrownBy(() -> headers(PLAIN, connection("{'type':'OAUTH1'}"), "{}"))
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unsupported_auth");
        }
    }

    @Nested
    @DisplayName("provider header templates")
    class ProviderTemplates {
        @Test
        void oauth2TemplatesSeeOnlyTheTokenAndTheOAuthApp() {
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'x-client':'${clientId}','x-token':'${accessToken}','x-other':'${username}'}}}");
            assertThat(headers(p, connection("{'type':'OAUTH2','access_token':'at','username':'u'}"), "{}", new IntegrationCredentials("cid", "cs")))
                    .containsEntry("x-client", "cid").containsEntry("x-token", "at").containsEntry("x-other", "${username}");
        }

        @Test
        void connectionConfigTemplatesAreDroppedWhenAPlaceholderStaysUnresolved() {
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'x-account':'${connectionConfig.account}','x-host':'${connectionConfig.account}-${host}-${path}'}}}");
            assertThat(headers(p, connection("{'type':'API_KEY','apiKey':'k'}", "{'account':'acme'}"), "{}"))
                    .containsEntry("x-account", "acme").containsEntry("x-host", "acme-api.example.com-/v1/items");
            assertThat(headers(p, connection("{'type':'API_KEY','apiKey':'k'}"), "{}")).doesNotContainKeys("x-account", "x-host");
        }

        @Test
        void canonicalParamsAreSortedAndEncoded() {
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'x-params':'${params}'}}}");
            assertThat(headers(p, connection("{'type':'BASIC','username':'u'}"), "{}")).containsEntry("x-params", "a=1&b=2");
        }
    }

    @Nested
    @DisplayName("script headers")
    class ScriptHeaders {
        @Test
        void areLowerCasedAndOverrideAuthAndProviderHeaders() {
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'x-version':'1'}}}");
            assertThat(headers(p, connection("{'type':'OAUTH2','access_token':'at'}"), "{'Authorization':'Token mine','X-Version':'2'}"))
                    .containsEntry("authorization", "Token mine").containsEntry("x-version", "2");
        }

        @Test
        void cannotSetTheUserAgentButTheProviderCan() {
            assertThat(headers(PLAIN, connection("{}"), "{'User-Agent':'mine'}")).containsEntry("user-agent", "nango-test-ua");
            Provider p = provider("{'proxy':{'base_url':'https://x','headers':{'user-agent':'Provider UA'}}}");
            assertThat(headers(p, connection("{}"), "{'User-Agent':'mine'}")).containsEntry("user-agent", "Provider UA");
        }

        @Test
        void acceptDefaultsToAxiosValue() {
            assertThat(headers(PLAIN, connection("{}"), "{}")).containsEntry("accept", "application/json, text/plain, */*");
            assertThat(headers(PLAIN, connection("{}"), "{'Accept':'text/csv'}")).containsEntry("accept", "text/csv");
        }

        @Test
        void rejectsCarriageReturnsAndLineFeeds() {
            assertThatThrownBy(() -> headers(PLAIN, connection("{}"), "{'x-a':'a\\r\\nX-Injected: 1'}"))
                    .isInstanceOf(NangoException.class)
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_header");
            assertThatThrownBy(() -> headers(PLAIN, connection("{}"), "{'x-a\\nb':'v'}"))
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_header");
        }

        @Test
        void rejectionNeverEchoesTheValue() {
            assertThatThrownBy(() -> headers(PLAIN, connection("{}"), "{'x-a':'secret\\n'}")).hasMessageNotContaining("secret");
        }
    }
}
