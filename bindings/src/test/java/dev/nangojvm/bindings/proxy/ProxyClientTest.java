package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.INFO;
import static dev.nangojvm.bindings.proxy.Fixtures.cfg;
import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.proxy.LoopbackServer.Reply;
import dev.nangojvm.policy.EgressRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ProxyClient against a loopback provider")
class ProxyClientTest {

    private static final String TOKEN = "tok-secret-123";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private LoopbackServer server;
    private FakeTime time;
    private ProxyClient client;
    private final List<LogEntry> logs = Collections.synchronizedList(new ArrayList<>());
    private Provider provider;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        time = new FakeTime(START);
        client = client(EgressRules.publicInternetOnly().withLoopback());
        provider = provider("{'auth_mode':'OAUTH2','proxy':{'base_url':'" + server.url() + "/api'}}");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private ProxyClient client(EgressRules rules) {
        return ProxyClient.builder().egressRules(rules).clock(time).sleeper(time).userAgent("test-ua").build();
    }

    private ProxyCall call() {
        return call(provider, ConnectionSource.of(connection("{'type':'OAUTH2','access_token':'" + TOKEN + "'}")));
    }

    private ProxyCall call(Provider p, ConnectionSource source) {
        return new ProxyCall(source, p, logs::add, INFO);
    }

    private ProxyResponse proxy(String config) {
        return client.proxy(cfg(config), call());
    }

    private List<String> warnings() {
        return logs.stream().filter(l -> l.level().equals("warn")).map(LogEntry::message).toList();
    }

    @Nested
    @DisplayName("responses")
    class Responses {
        @Test
        void parsesJsonWhateverTheContentType() {
            server.enqueue(Reply.of(200, "123", "Content-Type", "text/plain"));
            assertThat(proxy("{'endpoint':'/n'}").data()).isEqualTo(json("123"));
        }

        @Test
        void keepsTextThatIsNotJson() {
            server.enqueue(Reply.json(200, "{broken"));
            assertThat(proxy("{'endpoint':'/n'}").data().textValue()).isEqualTo("{broken");
        }

        @Test
        void anEmptyBodyIsTheEmptyString() {
            server.enqueue(Reply.of(204, ""));
            ProxyResponse r = proxy("{'endpoint':'/n'}");
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.data().textValue()).isEmpty();
        }

        @Test
        void responseTypeTextSkipsParsingAndArraybufferIsBinary() {
            server.enqueue(Reply.json(200, "{\"a\":1}"));
            assertThat(proxy("{'endpoint':'/n','responseType':'text'}").data().textValue()).isEqualTo("{\"a\":1}");
            assertThat(proxy("{'endpoint':'/n','responseType':'arraybuffer'}").data().isBinary()).isTrue();
        }

        @Test
        void headersAreLowerCasedAndEverySetCookieIsKept() {
            server.enqueue(Reply.of(200, "{}", "X-Request-Id", "r1", "Set-Cookie", "a=1", "Set-Cookie", "b=2"));
            ProxyResponse r = proxy("{'endpoint':'/n'}");
            assertThat(r.headers()).containsEntry("x-request-id", List.of("r1"));
            assertThat(r.headers().get("set-cookie")).containsExactlyInAnyOrder("a=1", "b=2");
            assertThat(r.statusText()).isEqualTo("OK");
            assertThat(r.url()).isEqualTo(server.url() + "/api/n");
        }

        @Test
        void nonSuccessIsAnAxiosStyleHttpError() {
            server.enqueue(Reply.json(404, "{\"error\":\"missing\"}"));
            assertThatThrownBy(() -> proxy("{'endpoint':'/n'}"))
                    .isInstanceOfSatisfying(ProxyHttpException.class, e -> {
                        assertThat(e.code()).isEqualTo("ERR_BAD_REQUEST");
                        assertThat(e.getMessage()).isEqualTo("Request failed with status code 404");
                        assertThat(e.response().data()).isEqualTo(json("{'error':'missing'}"));
                    });
            server.enqueue(Reply.of(304, ""));
            assertThatThrownBy(() -> proxy("{'endpoint':'/n'}")).isInstanceOf(ProxyHttpException.class);
        }

        @Test
        void serverErrorsAreErrBadResponse() {
            server.enqueue(Reply.of(502, "bad gateway"));
            assertThatThrownBy(() -> proxy("{'endpoint':'/n'}"))
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("ERR_BAD_RESPONSE");
        }
    }

    @Nested
    @DisplayName("requests")
    class Requests {
        @Test
        void sendsAuthDefaultsAndTheForcedUserAgent() {
            server.enqueue(Reply.json(200, "{}"));
            proxy("{'endpoint':'/items','params':{'q':'a b'},'headers':{'User-Agent':'mine','X-Custom':'1'}}");
            LoopbackServer.Recorded r = server.last();
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.target()).isEqualTo("/api/items?q=a+b");
            assertThat(r.header("authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.header("accept")).isEqualTo("application/json, text/plain, */*");
            assertThat(r.header("user-agent")).isEqualTo("test-ua");
            assertThat(r.header("x-custom")).isEqualTo("1");
        }

        @Test
        void sendsJsonBodiesForPostPutPatchAndDeleteOnly() {
            server.enqueue(Reply.json(200, "{}"));
            for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
                proxy("{'endpoint':'/items','method':'" + method.toLowerCase() + "','data':{'a':1}}");
                assertThat(server.last().method()).isEqualTo(method);
                assertThat(server.last().bodyText()).isEqualTo("{\"a\":1}");
                assertThat(server.last().header("content-type")).isEqualTo("application/json");
            }
            proxy("{'endpoint':'/items','data':{'a':1}}");
            assertThat(server.last().body()).isEmpty();
        }

        @Test
        void basicAndApiKeyQueryAuthEndToEnd() {
            server.enqueue(Reply.json(200, "{}"));
            Provider p = provider("{'auth_mode':'API_KEY','proxy':{'base_url':'" + server.url() + "','query':{'key':'${apiKey}'}}}");
            client.proxy(cfg("{'endpoint':'/x'}"), call(p, ConnectionSource.of(connection("{'type':'API_KEY','apiKey':'k-1'}"))));
            assertThat(server.last().target()).isEqualTo("/x?key=k-1");
            client.proxy(cfg("{'endpoint':'/x'}"), call(p, ConnectionSource.of(connection("{'type':'BASIC','username':'u','password':'p'}"))));
            assertThat(server.last().header("authorization")).isEqualTo("Basic dTpw");
        }

        @Test
        void sendsTheRequestTargetExactlyAsNodeSerialisesIt() throws Exception {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                Thread t = Thread.ofVirtual().start(() -> {
                    try (Socket c = s.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            lines.add(line);
                        }
                        c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    } catch (IOException ignored) {
                        // the assertion below reports what arrived
                    }
                });
                proxy("{'endpoint':'/a|b/{c}/ü?x=[1]&y=a b','baseUrlOverride':'http://127.0.0.1:" + s.getLocalPort() + "'}");
                t.join();
                assertThat(lines.getFirst()).isEqualTo("GET /a|b/%7Bc%7D/%C3%BC?x=[1]&y=a%20b HTTP/1.1");
                assertThat(lines).contains("Host: 127.0.0.1:" + s.getLocalPort());
            }
        }

        @Test
        void refetchesTheConnectionBeforeEveryAttempt() {
            server.enqueue(Reply.of(500, ""), Reply.json(200, "{}"));
            AtomicInteger fetches = new AtomicInteger();
            ConnectionSource source = () -> {
                fetches.incrementAndGet();
                return connection("{'type':'OAUTH2','access_token':'t" + fetches.get() + "'}");
            };
            client.proxy(cfg("{'endpoint':'/x','retries':1}"), call(provider, source));
            assertThat(fetches).hasValue(2);
            assertThat(server.requests()).extracting(r -> r.header("authorization")).containsExactly("Bearer t1", "Bearer t2");
        }

        @Test
        void aMissingConnectionIsAnError() {
            assertThatThrownBy(() -> client.proxy(cfg("{'endpoint':'/x'}"), call(provider, () -> null)))
                    .hasMessage("Connection not found using the provider config key my-integration and connection id conn-1");
        }

        @Test
        void configurationProblemsUseNangoCodes() {
            assertThatThrownBy(() -> proxy("{}")).extracting(e -> ((NangoException) e).code()).isEqualTo("missing_api_url");
            Provider noProxy = provider("{'auth_mode':'OAUTH2'}");
            assertThatThrownBy(() -> client.proxy(cfg("{'endpoint':'/x'}"), call(noProxy, ConnectionSource.of(connection("{}")))))
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unsupported_provider");
            assertThatThrownBy(() -> client.proxy(cfg("{'endpoint':'/x'}"), new ProxyCall(ConnectionSource.of(connection("{}")), null, null, INFO)))
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unknown_provider");
        }
    }

    @Nested
    @DisplayName("network failures")
    class Network {
        @Test
        void aClosedPortIsEconnrefused() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            assertThatThrownBy(() -> proxy("{'endpoint':'/x','baseUrlOverride':'http://127.0.0.1:" + port + "'}"))
                    .isInstanceOfSatisfying(ProxyNetworkException.class, e -> {
                        assertThat(e.code()).isEqualTo("ECONNREFUSED");
                        assertThat(e.getMessage()).isEqualTo("connect ECONNREFUSED 127.0.0.1:" + port);
                    });
        }

        @Test
        void aDroppedConnectionIsEconnreset() throws Exception {
            try (ServerSocket s = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 2; i++) {
                        try (Socket c = s.accept()) {
                            c.getInputStream().read(new byte[16]);
                        } catch (IOException ignored) {
                            return;
                        }
                    }
                });
                assertThatThrownBy(() -> proxy("{'endpoint':'/x','baseUrlOverride':'http://127.0.0.1:" + s.getLocalPort() + "'}"))
                        .isInstanceOfSatisfying(ProxyNetworkException.class, e -> assertThat(e.code()).isEqualTo("ECONNRESET"));
            }
        }

        @Test
        void networkErrorsAreRetriedWithBackoff() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            assertThatThrownBy(() -> proxy("{'endpoint':'/x','retries':2,'baseUrlOverride':'http://127.0.0.1:" + port + "'}"))
                    .isInstanceOf(ProxyNetworkException.class);
            assertThat(time.sleptMillis()).containsExactly(3000L, 6000L);
            assertThat(warnings()).containsExactly(
                    "Retrying HTTP call (reason: network_error). Waiting for 3000ms [1/2]",
                    "Retrying HTTP call (reason: network_error). Waiting for 6000ms [2/2]");
        }
    }

    @Nested
    @DisplayName("retries")
    class Retries {
        @Test
        void noRetryByDefault() {
            server.enqueue(Reply.of(500, ""));
            assertThatThrownBy(() -> proxy("{'endpoint':'/x'}")).isInstanceOf(ProxyHttpException.class);
            assertThat(server.requests()).hasSize(1);
            assertThat(time.sleptMillis()).isEmpty();
            assertThat(warnings()).isEmpty();
        }

        @Test
        void retriesA500ThenSucceeds() {
            server.enqueue(Reply.of(500, ""), Reply.json(200, "{\"ok\":true}"));
            assertThat(proxy("{'endpoint':'/x','retries':3}").data()).isEqualTo(json("{'ok':true}"));
            assertThat(time.sleptMillis()).containsExactly(3000L);
            assertThat(warnings()).containsExactly("Retrying HTTP call (reason: status_code_500). Waiting for 3000ms [1/3]");
        }

        @Test
        void backoffDoublesFrom3sAndCapsAt10Minutes() {
            server.enqueue(Reply.of(503, ""));
            assertThatThrownBy(() -> proxy("{'endpoint':'/x','retries':10}")).isInstanceOf(ProxyHttpException.class);
            assertThat(server.requests()).hasSize(11);
            assertThat(time.sleptMillis()).containsExactly(3000L, 6000L, 12000L, 24000L, 48000L, 96000L, 192000L, 384000L, 600000L, 600000L);
        }

        @Test
        void stopsOnNonRetryableStatusWithASkipWarning() {
            server.enqueue(Reply.of(404, ""));
            assertThatThrownBy(() -> proxy("{'endpoint':'/x','retries':3}")).isInstanceOf(ProxyHttpException.class);
            assertThat(server.requests()).hasSize(1);
            assertThat(warnings()).containsExactly("Skipping retry HTTP call (reason: not_retryable) [1/3]");
        }

        @Test
        void retryOnMakesOtherStatusesRetryable() {
            server.enqueue(Reply.of(409, ""), Reply.json(200, "{}"));
            proxy("{'endpoint':'/x','retries':1,'retryOn':[409]}");
            assertThat(warnings()).containsExactly("Retrying HTTP call (reason: retry_on_409). Waiting for 3000ms [1/1]");
        }

        @Test
        void providerErrorCodesAndRemainingHeader() {
            Provider gh = provider("{'proxy':{'base_url':'" + server.url() + "','retry':{'error_code':['403','5xx'],'remaining':'x-ratelimit-remaining'}}}");
            server.enqueue(Reply.of(403, ""), Reply.of(502, ""), Reply.of(429, "", "x-ratelimit-remaining", "0"), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':3}"), call(gh, ConnectionSource.of(connection("{'type':'OAUTH2','access_token':'t'}"))));
            assertThat(warnings()).extracting(w -> w.replaceAll("\\. Waiting.*", ""))
                    .containsExactly("Retrying HTTP call (reason: provider_error_code_403)", "Retrying HTTP call (reason: provider_error_code_5xx)",
                            "Retrying HTTP call (reason: provider_remaining)");
        }

        @Test
        void waitsForTheProviderRetryAfterHeader() {
            Provider p = provider("{'proxy':{'base_url':'" + server.url() + "','retry':{'after':['retry-after']}}}");
            server.enqueue(Reply.of(429, "", "Retry-After", "2"), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':1}"), call(p, ConnectionSource.of(connection("{}"))));
            assertThat(time.sleptMillis()).containsExactly(2000L);
            assertThat(warnings()).containsExactly("Retrying HTTP call (reason: preconfigured_after). Waiting for 2000ms [1/1]");
        }

        @Test
        void waitsUntilTheProviderResetEpochOnTheInjectedClock() {
            Provider p = provider("{'proxy':{'base_url':'" + server.url() + "','retry':{'at':['x-ratelimit-reset']}}}");
            String reset = String.valueOf(START.getEpochSecond() + 90);
            server.enqueue(Reply.of(429, "", "x-ratelimit-reset", reset), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':1}"), call(p, ConnectionSource.of(connection("{}"))));
            assertThat(time.sleptMillis()).containsExactly(90000L);
        }

        @Test
        void scriptRetryHeaderWinsOverProviderHeaders() {
            Provider p = provider("{'proxy':{'base_url':'" + server.url() + "','retry':{'after':['retry-after']}}}");
            server.enqueue(Reply.of(429, "", "Retry-After", "2", "x-wait", "5"), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':1,'retryHeader':{'after':'x-wait'}}"), call(p, ConnectionSource.of(connection("{}"))));
            assertThat(time.sleptMillis()).containsExactly(5000L);
            assertThat(warnings()).containsExactly("Retrying HTTP call (reason: custom_after). Waiting for 5000ms [1/1]");
        }

        @Test
        void waitsForTheDurationFoundInTheErrorBody() {
            Provider p = provider("{'proxy':{'base_url':'" + server.url() + "','retry':{'in_body':{'path':'error.message','value':'retry in (\\\\d+) seconds','strategy':'after'}}}}");
            server.enqueue(Reply.json(429, "{\"error\":{\"message\":\"please retry in 4 seconds\"}}"), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':1}"), call(p, ConnectionSource.of(connection("{}"))));
            assertThat(time.sleptMillis()).containsExactly(4000L);
            assertThat(warnings()).containsExactly("Retrying HTTP call (reason: preconfigured_in_body:after). Waiting for 4000ms [1/1]");
        }

        @Test
        void the401RuleRetriesOnceThenNeedsChangedCredentials() {
            server.enqueue(Reply.of(401, ""));
            AtomicInteger invalidations = new AtomicInteger();
            ConnectionSource same = new ConnectionSource() {
                @Override public Connection get() { return connection("{'type':'OAUTH2','access_token':'stale'}"); }
                @Override public void invalidate() { invalidations.incrementAndGet(); }
            };
            assertThatThrownBy(() -> client.proxy(cfg("{'endpoint':'/x','retries':5}"), call(provider, same))).isInstanceOf(ProxyHttpException.class);
            assertThat(server.requests()).hasSize(2);
            assertThat(invalidations).hasValue(2);
            assertThat(warnings()).containsExactly(
                    "Retrying HTTP call (reason: status_code_401). Waiting for 3000ms [1/5]",
                    "Skipping retry HTTP call (reason: invalid_credentials) [2/5]");
        }

        @Test
        void the401RuleKeepsRetryingWhileCredentialsChange() {
            server.enqueue(Reply.of(401, ""), Reply.of(401, ""), Reply.json(200, "{}"));
            AtomicInteger n = new AtomicInteger();
            ConnectionSource rotating = () -> connection("{'type':'OAUTH2','access_token':'t" + n.incrementAndGet() + "'}");
            client.proxy(cfg("{'endpoint':'/x','retries':5}"), call(provider, rotating));
            assertThat(server.requests()).hasSize(3);
        }

        @Test
        void interruptionDuringAWaitRestoresTheFlag() {
            server.enqueue(Reply.of(500, ""));
            ProxyClient interrupted = ProxyClient.builder().egressRules(EgressRules.publicInternetOnly().withLoopback())
                    .sleeper(d -> { throw new InterruptedException(); }).build();
            try {
                assertThatThrownBy(() -> interrupted.proxy(cfg("{'endpoint':'/x','retries':1}"), call()))
                        .extracting(e -> ((NangoException) e).code()).isEqualTo("script_aborted");
                assertThat(Thread.interrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Nested
    @DisplayName("redirects")
    class Redirects {
        @Test
        void followsRedirectsByHandKeepingCredentialsOnTheSameHost() {
            server.route("/api/old", r -> Reply.of(302, "", "Location", "/api/new"));
            server.route("/api/new", r -> Reply.json(200, "{\"moved\":true}"));
            ProxyResponse res = proxy("{'endpoint':'/old'}");
            assertThat(res.data()).isEqualTo(json("{'moved':true}"));
            assertThat(res.url()).isEqualTo(server.url() + "/api/new");
            assertThat(server.last().header("authorization")).isEqualTo("Bearer " + TOKEN);
        }

        @Test
        void postBecomesGetOn302ButNotOn307() {
            server.route("/api/302", r -> Reply.of(302, "", "Location", "/api/done"));
            server.route("/api/307", r -> Reply.of(307, "", "Location", "/api/done"));
            server.route("/api/done", r -> Reply.json(200, "{}"));
            proxy("{'endpoint':'/302','method':'POST','data':{'a':1}}");
            assertThat(server.last().method()).isEqualTo("GET");
            assertThat(server.last().body()).isEmpty();
            assertThat(server.last().header("content-type")).isNull();
            proxy("{'endpoint':'/307','method':'POST','data':{'a':1}}");
            assertThat(server.last().method()).isEqualTo("POST");
            assertThat(server.last().bodyText()).isEqualTo("{\"a\":1}");
        }

        @Test
        void dropsCredentialsWhenLeavingTheHostUnlessHeadersAreForwarded() {
            try (LoopbackServer other = LoopbackServer.start()) {
                other.enqueue(Reply.json(200, "{}"));
                server.route("/api/away", r -> Reply.of(302, "", "Location", other.url() + "/landing"));
                proxy("{'endpoint':'/away','headers':{'cookie':'c=1','x-keep':'1'}}");
                assertThat(other.last().header("authorization")).isNull();
                assertThat(other.last().header("cookie")).isNull();
                assertThat(other.last().header("x-keep")).isEqualTo("1");
                proxy("{'endpoint':'/away','forwardHeadersOnRedirect':true}");
                assertThat(other.last().header("authorization")).isEqualTo("Bearer " + TOKEN);
            }
        }

        @Test
        void stopsAfterMaxRedirects() {
            server.route("/api/loop", r -> Reply.of(302, "", "Location", "/api/loop"));
            try (ProxyClient limited = client(new EgressRules(true, false, Set.of("http", "https"), 2))) {
                assertThatThrownBy(() -> limited.proxy(cfg("{'endpoint':'/loop'}"), call()))
                        .isInstanceOfSatisfying(ProxyNetworkException.class, e -> {
                            assertThat(e.code()).isEqualTo("ERR_FR_TOO_MANY_REDIRECTS");
                            assertThat(e.getMessage()).isEqualTo("Maximum number of redirects exceeded");
                        });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(server.requests()).hasSize(3);
        }

        @Test
        void zeroMaxRedirectsReturnsTheRedirectAsAnError() throws IOException {
            server.route("/api/old", r -> Reply.of(302, "", "Location", "/api/new"));
            try (ProxyClient none = client(new EgressRules(true, false, Set.of("http", "https"), 0))) {
                assertThatThrownBy(() -> none.proxy(cfg("{'endpoint':'/old'}"), call()))
                        .isInstanceOfSatisfying(ProxyHttpException.class, e -> assertThat(e.response().status()).isEqualTo(302));
            }
        }

        @Test
        void reChecksEveryHopAgainstTheEgressRules() {
            for (String target : new String[] {"http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "http://[::ffff:10.0.0.1]/",
                    "http://0.0.0.0:" + server.port() + "/", "http://167772161/", "file:///etc/passwd"}) {
                server.route("/api/evil", r -> Reply.of(302, "", "Location", target));
                assertThatThrownBy(() -> proxy("{'endpoint':'/evil'}"))
                        .as(target)
                        .isInstanceOf(NangoException.class)
                        .hasMessage(EgressGuard.DENIED_MESSAGE);
            }
            assertThat(server.requests()).allMatch(r -> r.target().equals("/api/evil"));
        }
    }

    @Nested
    @DisplayName("egress")
    class Egress {
        @Test
        void deniesLoopbackWhenTheRulesDoNot() throws IOException {
            try (ProxyClient strict = client(EgressRules.publicInternetOnly())) {
                assertThatThrownBy(() -> strict.proxy(cfg("{'endpoint':'/x'}"), call()))
                        .isInstanceOf(NangoException.class).hasMessage(EgressGuard.DENIED_MESSAGE);
            }
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void resolvesOnceAndConnectsToThePinnedAddress() throws IOException {
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> {
                int n = lookups.incrementAndGet();
                return new InetAddress[] {InetAddress.getByAddress(host, n == 1 ? new byte[] {127, 0, 0, 1} : new byte[] {10, 0, 0, 1})};
            };
            server.enqueue(Reply.json(200, "{}"));
            try (ProxyClient pinned = ProxyClient.builder().egressRules(EgressRules.publicInternetOnly().withLoopback())
                    .hostResolver(rebinding).clock(time).sleeper(time).build()) {
                Provider named = provider("{'proxy':{'base_url':'http://api.fake.test:" + server.port() + "'}}");
                pinned.proxy(cfg("{'endpoint':'/x'}"), call(named, ConnectionSource.of(connection("{}"))));
            }
            assertThat(lookups).hasValue(1);
            assertThat(server.last().header("host")).isEqualTo("api.fake.test:" + server.port());
        }
    }

    @Nested
    @DisplayName("activity log")
    class ActivityLog {
        @Test
        void logsOneHttpEntryPerAttemptWithCredentialsMasked() {
            Provider p = provider("{'proxy':{'base_url':'" + server.url() + "','query':{'token':'${accessToken}'}}}");
            server.enqueue(Reply.of(500, ""), Reply.json(200, "{}"));
            client.proxy(cfg("{'endpoint':'/x','retries':1}"), call(p, ConnectionSource.of(connection("{'type':'OAUTH2','access_token':'" + TOKEN + "'}"))));
            List<LogEntry> http = logs.stream().filter(l -> l.meta() != null && l.meta().path("type").asText().equals("http")).toList();
            assertThat(http).extracting(LogEntry::level).containsExactly("error", "info");
            assertThat(http.get(1).message()).isEqualTo("GET " + server.url() + "/x?token=REDACTED");
            assertThat(http.get(1).meta().at("/request/headers/authorization").asText()).isEqualTo("REDACTED");
            assertThat(http.get(1).meta().at("/retry/attempt").asInt()).isEqualTo(1);
            assertThat(logs).allSatisfy(l -> assertThat(l.message() + l.meta()).doesNotContain(TOKEN));
        }
    }
}
