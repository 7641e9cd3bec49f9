package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.INFO;
import static dev.nangojvm.bindings.proxy.Fixtures.cfg;
import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.proxy.LoopbackServer.Reply;
import dev.nangojvm.policy.EgressRules;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("OAuthCredentialsRefresher")
class OAuthCredentialsRefresherTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private LoopbackServer server;
    private FakeTime time;
    private CloseableHttpClient http;
    private EgressGuard guard;
    private final List<Connection> persisted = new ArrayList<>();

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        time = new FakeTime(START);
        guard = EgressGuard.of(EgressRules.publicInternetOnly().withLoopback());
        http = ProxyClient.newHttpClient(guard, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    private OAuthCredentialsRefresher refresher() {
        return OAuthCredentialsRefresher.builder().httpClient(http).egressGuard(guard).clock(time)
                .integrationCredentials(key -> new IntegrationCredentials("cid", "csecret"))
                .onRefreshed(persisted::add).build();
    }

    private Provider oauthProvider(String extra) {
        return provider("{'auth_mode':'OAUTH2','token_url':'" + server.url() + "/oauth/token'" + extra
                + ",'proxy':{'base_url':'" + server.url() + "/api'}}");
    }

    private static Connection oauth(Instant expiresAt) {
        return connection("{'type':'OAUTH2','access_token':'old-at','refresh_token':'rt-1','expires_at':'" + expiresAt + "'}");
    }

    @Nested
    @DisplayName("OAUTH2")
    class OAuth2 {
        @Test
        void refreshesATokenThatExpiresWithinTheMargin() {
            server.enqueue(Reply.json(200, "{\"access_token\":\"new-at\",\"expires_in\":3600,\"token_type\":\"bearer\"}"));
            Connection fresh = refresher().refreshIfNeeded(oauth(START.plus(Duration.ofMinutes(5))), oauthProvider(""));
            assertThat(fresh.credentials().path("access_token").asText()).isEqualTo("new-at");
            assertThat(fresh.credentials().path("refresh_token").asText()).isEqualTo("rt-1");
            assertThat(fresh.credentials().path("expires_at").asText()).isEqualTo("2024-01-01T01:00:00.000Z");
            assertThat(server.last().target()).isEqualTo("/oauth/token");
            assertThat(server.last().bodyText()).isEqualTo("grant_type=refresh_token&refresh_token=rt-1&client_id=cid&client_secret=csecret");
            assertThat(server.last().header("content-type")).isEqualTo("application/x-www-form-urlencoded");
            assertThat(persisted).singleElement().extracting(c -> c.credentials().path("access_token").asText()).isEqualTo("new-at");
        }

        @Test
        void leavesAFarFromExpiryTokenAlone() {
            Connection c = oauth(START.plus(Duration.ofHours(2)));
            assertThat(refresher().refreshIfNeeded(c, oauthProvider(""))).isSameAs(c);
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void reusesTheRefreshedTokenUntilItExpires() {
            server.enqueue(Reply.json(200, "{\"access_token\":\"new-at\",\"refresh_token\":\"rt-2\",\"expires_in\":3600}"));
            OAuthCredentialsRefresher r = refresher();
            Connection stale = oauth(START.minusSeconds(1));
            r.refreshIfNeeded(stale, oauthProvider(""));
            assertThat(r.refreshIfNeeded(stale, oauthProvider("")).credentials().path("refresh_token").asText()).isEqualTo("rt-2");
            assertThat(server.requests()).hasSize(1);
        }

        @Test
        void sendsTheOAuthAppAsBasicAuthWhenTheProviderSaysSo() {
            server.enqueue(Reply.of(200, "access_token=gh-at&scope=repo&token_type=bearer"));
            Connection fresh = refresher().refreshIfNeeded(oauth(START), oauthProvider(",'token_request_auth_method':'basic','refresh_params':{'grant_type':'refresh_token','extra':'${connectionConfig.x}'}"));
            assertThat(fresh.credentials().path("access_token").asText()).isEqualTo("gh-at");
            assertThat(server.last().header("authorization")).isEqualTo("Basic Y2lkOmNzZWNyZXQ=");
        }

        @Test
        void failuresNameTheConnectionButNoSecret() {
            server.enqueue(Reply.json(400, "{\"error\":\"invalid_grant\"}"));
            assertThatThrownBy(() -> refresher().refreshIfNeeded(oauth(START), oauthProvider("")))
                    .isInstanceOf(NangoException.class)
                    .hasMessageContaining("my-integration/conn-1").hasMessageContaining("HTTP 400")
                    .hasMessageNotContaining("rt-1").hasMessageNotContaining("csecret")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("refresh_token_external_error");
        }

        @Test
        void theTokenUrlGoesThroughTheEgressGuard() {
            Provider evil = provider("{'auth_mode':'OAUTH2','token_url':'http://169.254.169.254/token','proxy':{'base_url':'https://x'}}");
            assertThatThrownBy(() -> refresher().refreshIfNeeded(oauth(START), evil)).hasMessage(EgressGuard.DENIED_MESSAGE);
        }

        @Test
        void theProxyUsesTheRefreshedToken() throws IOException {
            server.route("/oauth/token", r -> Reply.json(200, "{\"access_token\":\"new-at\",\"expires_in\":3600}"));
            server.route("/api", r -> Reply.json(200, "{}"));
            try (ProxyClient client = ProxyClient.builder().egressRules(EgressRules.publicInternetOnly().withLoopback())
                    .clock(time).sleeper(time).credentialsRefresher(refresher()).build()) {
                client.proxy(cfg("{'endpoint':'/me'}"), new ProxyCall(ConnectionSource.of(oauth(START)), oauthProvider(""), null, INFO));
            }
            assertThat(server.last().header("authorization")).isEqualTo("Bearer new-at");
        }
    }

    @Nested
    @DisplayName("OAUTH2_CC")
    class ClientCredentials {
        private final Provider cc = provider("{'auth_mode':'OAUTH2_CC','token_url':'URL','token_params':{'audience':'api'},'proxy':{'base_url':'https://x'}}");

        private Provider ccProvider() {
            return provider(cc.definition().toString().replace("URL", server.url() + "/cc/token").replace('"', '\''));
        }

        private final Connection noToken = connection("{'type':'OAUTH2_CC','client_id':'app','client_secret':'shh'}");

        @Test
        void fetchesATokenAndCachesItUntilExpiry() {
            server.enqueue(Reply.json(200, "{\"access_token\":\"cc-1\",\"expires_in\":3600}"),
                    Reply.json(200, "{\"access_token\":\"cc-2\",\"expires_in\":3600}"));
            OAuthCredentialsRefresher r = refresher();
            assertThat(r.refreshIfNeeded(noToken, ccProvider()).credentials().path("token").asText()).isEqualTo("cc-1");
            assertThat(server.last().bodyText()).isEqualTo("grant_type=client_credentials&audience=api&client_id=app&client_secret=shh");
            time.advance(Duration.ofMinutes(30));
            assertThat(r.refreshIfNeeded(noToken, ccProvider()).credentials().path("token").asText()).isEqualTo("cc-1");
            assertThat(server.requests()).hasSize(1);
            time.advance(Duration.ofMinutes(20));
            assertThat(r.refreshIfNeeded(noToken, ccProvider()).credentials().path("token").asText()).isEqualTo("cc-2");
            assertThat(server.requests()).hasSize(2);
        }

        @Test
        void aTokenWithoutExpiryDefaultsTo55Minutes() {
            server.enqueue(Reply.json(200, "{\"access_token\":\"cc-1\"}"));
            Connection c = refresher().refreshIfNeeded(noToken, ccProvider());
            assertThat(c.credentials().path("expires_at").asText()).isEqualTo("2024-01-01T00:55:00.000Z");
        }
    }
}
