package dev.nangojvm.bindings.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.policy.EgressRules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("EgressGuard")
class EgressGuardTest {

    /** Only literal addresses: InetAddress.getByName on an IP literal never touches DNS. */
    static HostResolver fakeDns(Map<String, List<String>> table) {
        return host -> {
            List<String> ips = table.get(host);
            if (ips == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[ips.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByAddress(host, InetAddress.getByName(ips.get(i)).getAddress());
            }
            return out;
        };
    }

    private static final HostResolver DNS = fakeDns(Map.of(
            "api.example.com", List.of("93.184.216.34"),
            "rebind.example.com", List.of("93.184.216.34", "10.0.0.7"),
            "internal.example.com", List.of("192.168.1.10"),
            "localhost", List.of("127.0.0.1"),
            "metadata.google.internal", List.of("169.254.169.254")));

    private final EgressGuard strict = new EgressGuard(EgressRules.publicInternetOnly(), DNS);
    private final EgressGuard loopbackOk = new EgressGuard(EgressRules.publicInternetOnly().withLoopback(), DNS);

    private static void assertDenied(EgressGuard guard, String url) {
        assertThatThrownBy(() -> guard.check(url, "test"))
                .isInstanceOf(NangoException.class)
                .hasMessage("url_not_allowed: This URL is not allowed by server configuration.")
                .extracting(e -> ((NangoException) e).code()).isEqualTo("url_not_allowed");
    }

    @Nested
    @DisplayName("by default")
    class ByDefault {
        @ParameterizedTest(name = "denies {0}")
        @ValueSource(strings = {
                "http://127.0.0.1/", "http://127.0.0.2/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/",
                "http://0x7f000001/", "http://0.0.0.0/", "http://0/", "http://[::]/", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/", "http://localhost/", "http://LOCALHOST./", "http://foo.localhost/",
                "http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/", "http://metadata.google.internal/",
                "http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.0.1/", "http://100.64.0.1/",
                "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
                "http://224.0.0.1/", "http://internal.example.com/", "http://rebind.example.com/"
        })
        void deniesLoopbackPrivateLinkLocalAndMetadataInEveryForm(String url) {
            assertDenied(strict, url);
        }

        @ParameterizedTest(name = "denies scheme of {0}")
        @ValueSource(strings = {"ftp://api.example.com/", "file:///etc/passwd", "gopher://api.example.com/"})
        void deniesOtherSchemes(String url) {
            assertDenied(strict, url);
        }

        @Test
        void allowsPublicHostsAndPinsTheCheckedAddress() {
            EgressGuard.Target t = strict.check("https://api.example.com/v1?x=1", "test");
            assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
            assertThat(t.host()).isEqualTo("api.example.com");
            assertThat(t.port()).isEqualTo(443);
        }

        @Test
        void allowsPublicIpLiteralsWithoutResolving() {
            EgressGuard g = new EgressGuard(EgressRules.publicInternetOnly(), host -> {
                throw new AssertionError("must not resolve " + host);
            });
            assertThat(g.check("http://8.8.8.8:8080/", "test").address().getHostAddress()).isEqualTo("8.8.8.8");
        }

        @Test
        void unknownHostsAreENOTFOUND() {
            assertThatThrownBy(() -> strict.check("https://nope.example.com/", "test"))
                    .isInstanceOf(ProxyNetworkException.class)
                    .hasMessage("getaddrinfo ENOTFOUND nope.example.com")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("ENOTFOUND");
        }

        @Test
        void privateNetworksCanBeAllowedExplicitly() {
            EgressGuard g = new EgressGuard(new EgressRules(false, true, java.util.Set.of("http", "https"), 5), DNS);
            assertThat(g.check("http://10.0.0.1/", "test").address().getHostAddress()).isEqualTo("10.0.0.1");
            assertDenied(g, "http://127.0.0.1/");
        }
    }

    @Nested
    @DisplayName("with loopback allowed")
    class WithLoopback {
        @Test
        void allowsLoopbackAddressesAndLocalhost() {
            assertThat(loopbackOk.check("http://127.0.0.1:8080/", "test").address().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(loopbackOk.check("http://localhost:8080/", "test").address().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(loopbackOk.check("http://[::1]/", "test").address().isLoopbackAddress()).isTrue();
        }

        @ParameterizedTest(name = "still denies {0}")
        @ValueSource(strings = {"http://0.0.0.0/", "http://10.0.0.1/", "http://169.254.169.254/", "http://[fe80::1]/"})
        void stillDeniesEverythingElse(String url) {
            assertDenied(loopbackOk, url);
        }
    }

    @Test
    void logsTheRuleAndHostButNotThePathOrQuery() {
        Logger jul = Logger.getLogger(EgressGuard.class.getName());
        List<String> messages = new ArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { messages.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        jul.addHandler(h);
        try {
            assertDenied(strict, "http://2130706433/secret?api_key=abc");
        } finally {
            jul.removeHandler(h);
        }
        assertThat(messages).singleElement().asString()
                .contains("loopback address", "http://127.0.0.1", "test")
                .doesNotContain("secret", "api_key");
    }
}
