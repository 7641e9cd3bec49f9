package dev.nangojvm.host.sandbox;

import static dev.nangojvm.host.sandbox.Attacks.assertHealthy;
import static dev.nangojvm.host.sandbox.Attacks.output;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.proxy.EgressGuard;
import dev.nangojvm.bindings.proxy.HostResolver;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import dev.nangojvm.policy.EgressRules;
import dev.nangojvm.testkit.FakeProviderServer;
import dev.nangojvm.testkit.FakeRequest;
import dev.nangojvm.testkit.FakeResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks through the real proxy (the bindings' {@code NangoBindings}, its egress guard and the
 * H2 connection store) driven by scripts in the sandbox: SSRF by every route a script controls,
 * header injection, and overriding the injected auth header. The egress rules come from the
 * host's {@code ScriptPolicy}, the same data the sandbox enforces.
 */
@DisplayName("through the proxy: SSRF and header injection")
class ProxyAttacksTest {
    static final String TOKEN = "gho_pr0xyS3cr3tNeverInLogs";
    static final IntegrationHost HOST = Attacks.strict();
    static final AtomicInteger REBIND_LOOKUPS = new AtomicInteger();

    static FakeProviderServer provider;
    static H2Stores stores;

    /** DNS as the tests need it: names of the fake provider and of "internal" hosts, a rebinding name. */
    static final HostResolver DNS = host -> switch (host) {
        case "api.fake.test" -> addresses(host, 127, 0, 0, 1);
        case "internal.corp.test" -> addresses(host, 10, 0, 0, 7);
        case "metadata.corp.test" -> addresses(host, 169, 254, 169, 254);
        case "mixed.corp.test" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 9})};
        case "rebind.fake.test" -> REBIND_LOOKUPS.incrementAndGet() == 1 ? addresses(host, 127, 0, 0, 1) : addresses(host, 10, 0, 0, 1);
        default -> throw new UnknownHostException(host);
    };

    static InetAddress[] addresses(String host, int a, int b, int c, int d) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d})};
    }

    @BeforeAll
    static void start() {
        provider = FakeProviderServer.builder()
                .get("/echo", r -> FakeResponse.json(200, Map.of("authorization", r.header("authorization").orElse(""),
                        "injected", r.header("x-injected").orElse(""), "host", r.header("host").orElse(""))))
                .get("/redirect", r -> FakeResponse.empty(302).withHeader("location", r.queryParam("to").orElseThrow()))
                .build().start();
        stores = H2Stores.inMemory();
        putConnection("conn-1", Map.of());
    }

    @AfterAll
    static void stop() {
        provider.close();
        stores.close();
    }

    static void putConnection(String id, Map<String, String> connectionConfig) {
        ObjectNode credentials = Attacks.F.objectNode().put("type", "OAUTH2").put("access_token", TOKEN);
        ObjectNode config = Attacks.F.objectNode();
        connectionConfig.forEach(config::put);
        stores.connections().put(new StoredConnection(id, "fake", "fake-provider", credentials, config, null));
    }

    record Run(ExecutionResult result, List<LogEntry> logs) { }

    /** Runs an action for a connection of the provider whose base URL is {@code baseUrl}, with the egress rules given. */
    static Run run(EgressRules egress, String baseUrl, String connectionId, String body) {
        ProviderCatalog catalog = ProviderCatalog.of(Map.of("fake-provider",
                Map.of("auth_mode", "OAUTH2", "proxy", Map.of("base_url", baseUrl))));
        List<LogEntry> logs = new CopyOnWriteArrayList<>();
        try (NangoBindings bindings = NangoBindings.builder().catalog(catalog).stores(stores).egress(egress).hostResolver(DNS).build()) {
            var info = new ExecutionInfo(connectionId, "fake", "fake-provider", "attack", "action", null);
            ExecutionResult r = HOST.runAction(Attacks.action(body), bindings.startAction(info, logs::add), null);
            return new Run(r, logs);
        }
    }

    /** A request the guard must refuse: the script sees exactly Nango's terse denial, and the host still serves. */
    static void denied(Run run) {
        ExecutionResult r = run.result();
        assertThat(output(r).asText()).as("what the script caught").isEqualTo(EgressGuard.DENIED_MESSAGE);
        assertThat(run.logs()).allSatisfy(l -> assertThat(l.message() + l.meta()).doesNotContain(TOKEN));
        assertHealthy(HOST);
    }

    static final String CATCH = "try { await nango.get(%s); return 'reached'; } catch (e) { return e.message; }";

    @Nested
    @DisplayName("SSRF via baseUrlOverride")
    class BaseUrlOverride {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "http://localhost/", "http://localhost./", "http://LOCALHOST:8080/", "http://foo.localhost/", "http://a.b.localhost./",
            "http://127.0.0.1/", "http://127.1.2.3/", "http://127.1/", "http://0.0.0.0/", "http://0/",
            "http://[::1]/", "http://[::]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/", "http://[fc00::1]/", "http://[fe80::1]/",
            "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/", "http://017700000001/",
            "http://2852039166/", "http://0xa9fea9fe/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
            "http://[0:0:0:0:0:ffff:10.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://user:pw@127.0.0.1/", "http://127.0.0.1%2f@api.fake.test/",
            "http://internal.corp.test/", "http://metadata.corp.test/", "http://mixed.corp.test/",
            "file:///etc/passwd", "gopher://127.0.0.1:6379/_", "ftp://10.0.0.1/",
        })
        void isRefused(String target) {
            denied(run(EgressRules.publicInternetOnly(), "https://api.example.com", "conn-1",
                    CATCH.formatted("{ baseUrlOverride: '" + target + "', endpoint: '/x' }")));
            assertThat(provider.requests()).noneMatch(r -> r.path().equals("/x"));
        }
    }

    @Nested
    @DisplayName("SSRF via the endpoint")
    class Endpoint {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"@127.0.0.1/x", "//127.0.0.1/x", "http://127.0.0.1/x", ".localhost/x", "@[::1]/x", "@169.254.169.254/latest"})
        void cannotChangeTheHost(String endpoint) {
            Run run = run(EgressRules.publicInternetOnly(), "https://api.example.com", "conn-1", CATCH.formatted("{ endpoint: '" + endpoint + "' }"));
            ExecutionResult r = run.result();
            System.out.println("endpoint " + endpoint + " -> " + output(r).asText());
            // The endpoint is a path under the provider's base URL: the host stays api.example.com (which has no
            // DNS answer in this test, hence a network error, and no request anywhere else).
            assertThat(output(r).asText()).isEqualTo("getaddrinfo ENOTFOUND api.example.com");
            assertHealthy(HOST);
        }
    }

    @Nested
    @DisplayName("SSRF via interpolated connection config")
    class ConnectionConfig {
        @ParameterizedTest(name = "subdomain={0}")
        @ValueSource(strings = {"127.0.0.1/", "169.254.169.254?", "10.0.0.1#", "localhost:8080/", "[::1]/", "0x7f000001/",
                "internal.corp.test/", "x@127.0.0.1/", "127.0.0.1\\", "127.0.0.1%2f"})
        void cannotPointTheProviderAtAPrivateHost(String subdomain) {
            String id = "conn-sub-" + Integer.toHexString(subdomain.hashCode());
            putConnection(id, Map.of("subdomain", subdomain));
            Run run = run(EgressRules.publicInternetOnly(), "https://${connectionConfig.subdomain}.example.com", id,
                    CATCH.formatted("{ endpoint: '/x' }"));
            System.out.println("subdomain " + subdomain + " -> " + output(run.result()).asText());
            assertThat(output(run.result()).asText()).as(subdomain)
                    .isEqualTo(subdomain.endsWith("%2f") ? "Invalid URL" : EgressGuard.DENIED_MESSAGE);
            assertHealthy(HOST);
        }
    }

    @Nested
    @DisplayName("redirects and DNS")
    class RedirectsAndDns {
        static final EgressRules LOOPBACK_ONLY = EgressRules.publicInternetOnly().withLoopback();

        @ParameterizedTest(name = "to {0}")
        @ValueSource(strings = {"http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:10.0.0.1]/",
                "http://metadata.google.internal/", "http://internal.corp.test/", "http://2852039166/", "file:///etc/passwd"})
        void aRedirectToAPrivateAddressIsRefusedAtTheHop(String target) {
            String base = "http://api.fake.test:" + provider.port();
            Run run = run(LOOPBACK_ONLY, base, "conn-1", CATCH.formatted("{ endpoint: '/redirect', params: { to: '" + target + "' } }"));
            denied(run);
        }

        @Test
        void dnsRebindingCannotSwapTheAddressBetweenCheckAndConnect() {
            REBIND_LOOKUPS.set(0);
            String base = "http://rebind.fake.test:" + provider.port();
            Run run = run(LOOPBACK_ONLY, base, "conn-1", """
                    const first = await nango.get({ endpoint: '/echo' });
                    let second;
                    try { await nango.get({ endpoint: '/echo' }); second = 'reached'; } catch (e) { second = e.message; }
                    return { first: first.status, second };
                    """);
            // One lookup per request hop, and the connection goes to the address that was checked.
            assertThat(output(run.result()).toString()).isEqualTo("{\"first\":200,\"second\":\"" + EgressGuard.DENIED_MESSAGE + "\"}");
            assertThat(REBIND_LOOKUPS).hasValue(2);
            assertHealthy(HOST);
        }

        @Test
        void aNameWithAnyPrivateAddressIsRefused() {
            Run run = run(LOOPBACK_ONLY, "http://mixed.corp.test:" + provider.port(), "conn-1", CATCH.formatted("{ endpoint: '/echo' }"));
            denied(run);
        }
    }

    @Nested
    @DisplayName("headers")
    class Headers {
        static final EgressRules LOOPBACK_ONLY = EgressRules.publicInternetOnly().withLoopback();

        @org.junit.jupiter.api.AfterEach
        void hostStaysHealthy() {
            assertHealthy(HOST);
        }

        Run echo(String headersJs) {
            return run(LOOPBACK_ONLY, "http://api.fake.test:" + provider.port(), "conn-1", """
                    try { const r = await nango.get({ endpoint: '/echo', headers: %s }); return r.data; }
                    catch (e) { return { code: e.code, message: e.message }; }
                    """.formatted(headersJs));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{ 'x-a': 'v\\r\\nX-Injected: 1' }", "{ 'x-a': 'v\\nX-Injected: 1' }", "{ 'x-a': 'v\\rX-Injected: 1' }",
                "{ 'x-a\\r\\nX-Injected': '1' }", "{ 'x-a: 1\\r\\nx-injected': '1' }", "{ 'x-a': 'v\\u0000' }"})
        void crlfInAHeaderIsRefusedBeforeAnythingIsSent(String headers) {
            long before = provider.requestCount("/echo");
            JsonNode out = output(echo(headers).result());
            assertThat(out.path("code").asText()).isEqualTo("invalid_header");
            assertThat(out.path("message").asText()).doesNotContain("X-Injected");
            assertThat(provider.requestCount("/echo")).isEqualTo(before);
            assertHealthy(HOST);
        }

        @Test
        void crlfInParamsAndEndpointIsEncodedNotInjected() {
            Run run = run(LOOPBACK_ONLY, "http://api.fake.test:" + provider.port(), "conn-1", """
                    try { await nango.get({ endpoint: '/echo\\r\\nX-Injected: 1', params: { q: 'a\\r\\nX-Injected: 1' } }); }
                    catch (e) { }
                    return 'done';
                    """);
            assertThat(output(run.result()).asText()).isEqualTo("done");
            assertThat(provider.requests()).allSatisfy(r -> assertThat(r.header("x-injected")).isEmpty());
        }

        @Test
        void theInjectedAuthHeaderCanOnlyBeReplacedByTheScriptsOwnValueAsInNango() {
            // Nango's precedence: the script's headers win. That cannot escalate anything: the script may only
            // send its own connection's credentials or none; it never learns another connection's.
            JsonNode replaced = output(echo("{ Authorization: 'Bearer chosen-by-script' }").result());
            assertThat(replaced.path("authorization").asText()).isEqualTo("Bearer chosen-by-script");
            JsonNode injected = output(echo("{}").result());
            assertThat(injected.path("authorization").asText()).isEqualTo("Bearer " + TOKEN);
        }

        @Test
        void aHostHeaderCannotRedirectTheConnectionElsewhere() {
            long before = provider.requestCount("/echo");
            JsonNode out = output(echo("{ Host: '169.254.169.254' }").result());
            // The request still went to the checked, pinned address of api.fake.test.
            assertThat(provider.requestCount("/echo")).isEqualTo(before + 1);
            assertThat(out.toString()).doesNotContain("meta-data");
        }

        @Test
        void tokensNeverShowUpInTheActivityLog() {
            Run run = echo("{ 'x-trace': 'abc' }");
            assertThat(run.logs()).isNotEmpty();
            assertThat(run.logs()).allSatisfy(l -> assertThat(l.message() + l.meta()).doesNotContain(TOKEN));
        }
    }

    static List<FakeRequest> requests() {
        return provider.requests();
    }
}
