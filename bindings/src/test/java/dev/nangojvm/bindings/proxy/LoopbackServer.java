package dev.nangojvm.bindings.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A fake provider on 127.0.0.1: replies from a queue (the last one repeats) or per-path handlers, and records requests. */
final class LoopbackServer implements AutoCloseable {

    record Recorded(String method, String target, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.getFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Reply(int status, List<String[]> headers, byte[] body) {
        static Reply of(int status, String body, String... headerPairs) {
            List<String[]> h = new ArrayList<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                h.add(new String[] {headerPairs[i], headerPairs[i + 1]});
            }
            return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply json(int status, String body, String... headerPairs) {
            String[] all = new String[headerPairs.length + 2];
            all[0] = "Content-Type";
            all[1] = "application/json";
            System.arraycopy(headerPairs, 0, all, 2, headerPairs.length);
            return of(status, body, all);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final Map<String, Function<Recorded, Reply>> routes = Collections.synchronizedMap(new LinkedHashMap<>());

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    LoopbackServer enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    LoopbackServer route(String pathPrefix, Function<Recorded, Reply> handler) {
        routes.put(pathPrefix, handler);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded last() {
        return requests.getLast();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Recorded rec = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                headers, ex.getRequestBody().readAllBytes());
        requests.add(rec);
        Reply reply = reply(rec);
        reply.headers().forEach(h -> ex.getResponseHeaders().add(h[0], h[1]));
        boolean empty = reply.body().length == 0;
        ex.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply.body());
            }
        }
        ex.close();
    }

    private Reply reply(Recorded rec) {
        synchronized (routes) {
            for (var e : routes.entrySet()) {
                if (rec.target().startsWith(e.getKey())) {
                    return e.getValue().apply(rec);
                }
            }
        }
        Reply next = queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        return next != null ? next : Reply.of(404, "no reply configured");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
