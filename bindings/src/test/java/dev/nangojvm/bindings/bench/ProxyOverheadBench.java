package dev.nangojvm.bindings.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.proxy.Connection;
import dev.nangojvm.bindings.proxy.ConnectionSource;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.proxy.ProxyCall;
import dev.nangojvm.bindings.proxy.ProxyClient;
import dev.nangojvm.policy.EgressRules;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The proxy's own cost per call (issue 4, acceptance 3; goal ≤ 0.2 ms): {@code ProxyClient.proxy}
 * against raw Apache HttpClient 5, both sending {@code GET /items?page=1} to the same loopback
 * server and reading the same small JSON body over pooled keep-alive connections. The proxy
 * does everything a script's call does: connection fetch, URL and header building (OAuth2
 * bearer), the egress guard, the exchange, JSON parsing of the body and the activity-log entry.
 *
 * <p>Warm-up, then rounds that alternate the two clients call by call (so drift of the machine
 * hits both alike); prints the median and p90 of each, one call timed at a time, and
 * {@code proxy-overhead jvm=…ms raw=…ms overhead=…ms} (overhead = difference of the medians).
 *
 * <p>Run it (exec:java cannot run a test class in a reactor build, since the parent and the
 * modules before {@code bindings} lack it, so the classpath is written by Maven and used by java):
 * <pre>
 * ./mvnw -q -B -pl bindings -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * . .bin/find-jdk.sh &amp;&amp; nango_find_jdk &amp;&amp; "$NANGO_JAVA_HOME/bin/java" \
 *     -cp "bindings/target/test-classes:bindings/target/classes:$(cat bindings/target/test.classpath)" \
 *     dev.nangojvm.bindings.bench.ProxyOverheadBench
 * </pre>
 * Arguments: {@code [iterations per client, default 20000] [warm-up calls per client, default 10000]}.
 */
public final class ProxyOverheadBench {
    private static final byte[] BODY = "{\"items\":[{\"id\":\"1\",\"name\":\"Ada\"},{\"id\":\"2\",\"name\":\"Bob\"}],\"next\":null}"
            .getBytes(StandardCharsets.UTF_8);

    private ProxyOverheadBench() { }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        ExecutorService serverThreads = Executors.newFixedThreadPool(2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        ProviderCatalog catalog = ProviderCatalog.of(Map.of("bench", Map.of("auth_mode", "OAUTH2", "proxy", Map.of("base_url", base))));
        ObjectNode credentials = JsonNodeFactory.instance.objectNode().put("type", "OAUTH2").put("access_token", "bench-token");
        Connection connection = new Connection("conn-1", "bench", "bench", credentials, null, null);
        ExecutionInfo info = new ExecutionInfo("conn-1", "bench", "bench", "items", "sync", null);
        ProxyCall call = new ProxyCall(ConnectionSource.of(connection), null, entry -> { }, info);
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("endpoint", "/items").put("method", "GET");
        config.putObject("params").put("page", 1);
        ProxyConfiguration cfg = new ProxyConfiguration(config);

        try (ProxyClient proxy = ProxyClient.builder().catalog(catalog).egressRules(EgressRules.publicInternetOnly().withLoopback()).build();
             CloseableHttpClient raw = HttpClients.custom()
                     .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(16).setMaxConnTotal(64).build())
                     .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build()) {
            Client viaProxy = () -> {
                ProxyResponse r = proxy.proxy(cfg, call);
                if (r.status() != 200 || !r.data().isObject()) throw new IllegalStateException("unexpected proxy response " + r.status());
            };
            Client direct = () -> {
                HttpGet get = new HttpGet(base + "/items?page=1");
                get.addHeader("authorization", "Bearer bench-token");
                byte[] body = raw.execute(get, response -> {
                    if (response.getCode() != 200) throw new IllegalStateException("unexpected raw response " + response.getCode());
                    return EntityUtils.toByteArray(response.getEntity());
                });
                if (body.length != BODY.length) throw new IllegalStateException("short body");
            };

            for (int i = 0; i < warmUp; i++) {
                viaProxy.call();
                direct.call();
            }
            long[] jvm = new long[iterations];
            long[] rawTimes = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                // alternate which goes first, so neither always follows the other
                if ((i & 1) == 0) {
                    jvm[i] = time(viaProxy);
                    rawTimes[i] = time(direct);
                } else {
                    rawTimes[i] = time(direct);
                    jvm[i] = time(viaProxy);
                }
            }
            Arrays.sort(jvm);
            Arrays.sort(rawTimes);
            double jvmMedian = ms(percentile(jvm, 50));
            double rawMedian = ms(percentile(rawTimes, 50));
            System.out.printf(Locale.ROOT, "calls: %d per client after %d warm-up calls each, loopback %s, body %d bytes%n",
                    iterations, warmUp, base, BODY.length);
            System.out.printf(Locale.ROOT, "ProxyClient.proxy  median %.4f ms  p90 %.4f ms%n", jvmMedian, ms(percentile(jvm, 90)));
            System.out.printf(Locale.ROOT, "raw HttpClient     median %.4f ms  p90 %.4f ms%n", rawMedian, ms(percentile(rawTimes, 90)));
            double overhead = jvmMedian - rawMedian;
            System.out.printf(Locale.ROOT, "proxy-overhead jvm=%.4fms raw=%.4fms overhead=%.4fms (p90 difference %.4fms; goal <= 0.2 ms: %s)%n",
                    jvmMedian, rawMedian, overhead, ms(percentile(jvm, 90)) - ms(percentile(rawTimes, 90)), overhead <= 0.2 ? "met" : "NOT met");
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Client {
        void call() throws IOException;
    }

    private static long time(Client c) throws IOException {
        long start = System.nanoTime();
        c.call();
        return System.nanoTime() - start;
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
