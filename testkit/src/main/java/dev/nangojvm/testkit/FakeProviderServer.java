package dev.nangojvm.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback HTTP server that plays a third-party API in tests and the demo: named routes answered
 * by handler lambdas, a log of every request, and injectable failures for retry tests.
 *
 * <p>Every request goes through, in order: the request log, the queue of injected failures
 * ({@link #failNext}), the interceptor (e.g. an auth check), then the first route whose method and
 * path template match. No match answers the "not found" handler (by default 404 {@code {"message":"Not Found"}}).
 * A handler that throws answers 500 with the exception text.
 *
 * <pre>{@code
 * try (var server = FakeProviderServer.builder()
 *         .route("GET", "/users/{id}", request -> FakeResponse.json(200, Map.of("id", request.pathParam("id"))))
 *         .build()
 *         .start()) {
 *     String url = server.baseUrl() + "/users/42";
 * }
 * }</pre>
 *
 * <p>Binds 127.0.0.1 on an ephemeral port. Thread-safe; requests are served on virtual threads.
 */
public final class FakeProviderServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        FakeResponse handle(FakeRequest request) throws Exception;
    }

    /** Runs before routing; an answer short-circuits the route (used for auth checks). */
    @FunctionalInterface
    public interface Interceptor {
        Optional<FakeResponse> intercept(FakeRequest request);
    }

    private record Route(String method, List<String> segments, Handler handler) {}

    private record Fault(int remaining, Handler response) {}

    private record TargetedFault(Predicate<FakeRequest> match, int remaining, Handler response) {}

    private static final System.Logger LOG = System.getLogger(FakeProviderServer.class.getName());

    private final List<Route> routes;
    private final Interceptor interceptor;
    private final Handler notFound;
    private final List<FakeRequest> log = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<TargetedFault> targetedFaults = new ArrayList<>();
    private volatile HttpServer server;
    private volatile int port;
    private ExecutorService executor;

    private FakeProviderServer(Builder builder) {
        this.routes = List.copyOf(builder.routes);
        this.interceptor = builder.interceptor;
        this.notFound = builder.notFound;
    }

    /** A builder with no routes, no interceptor and the default 404 handler. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on an ephemeral port and starts serving. Returns {@code this}. */
    public synchronized FakeProviderServer start() {
        if (server != null) {
            throw new IllegalStateException("the fake provider server is already started at " + baseUrl());
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake provider server to 127.0.0.1", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        port = server.getAddress().getPort();
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. Only after {@link #start()}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The bound port. Only after {@link #start()}. */
    public int port() {
        int bound = port;
        if (bound == 0) {
            throw new IllegalStateException("the fake provider server is not started; call start() first");
        }
        return bound;
    }

    /** Every request received so far, oldest first. */
    public synchronized List<FakeRequest> requests() {
        return List.copyOf(log);
    }

    /** How many requests (any method) had this path, e.g. {@code /repos/nango-jvm/demo/pulls}. */
    public synchronized long requestCount(String path) {
        return log.stream().filter(r -> r.path().equals(path)).count();
    }

    /** How many requests had this method and path. */
    public synchronized long requestCount(String method, String path) {
        return log.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path)).count();
    }

    /** Forgets the request log. */
    public synchronized void clearRequests() {
        log.clear();
    }

    /**
     * Answers the next {@code count} requests (any route) with {@code response} instead of routing
     * them; queued after failures already pending. The response is built when the request arrives,
     * so it can carry time-dependent headers.
     */
    public synchronized void failNext(int count, Handler response) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        faults.addLast(new Fault(count, Objects.requireNonNull(response, "response")));
    }

    /**
     * Answers the next {@code count} requests that {@code match} with {@code response} instead of
     * routing them; other requests are served as usual. Checked after the untargeted failures of
     * {@link #failNext}, in the order added. Useful to break a run at one precise request, e.g.
     * the first search of a given month.
     */
    public synchronized void failMatching(Predicate<FakeRequest> match, int count, Handler response) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        targetedFaults.add(new TargetedFault(Objects.requireNonNull(match, "match"), count, Objects.requireNonNull(response, "response")));
    }

    /** Stops serving at once and releases the port. Idempotent. */
    @Override
    public void close() {
        HttpServer running;
        ExecutorService threads;
        synchronized (this) {
            running = server;
            threads = executor;
            server = null;
            executor = null;
        }
        // Outside the lock: requests still in flight may need it to finish.
        if (running != null) {
            running.stop(0);
            threads.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            FakeRequest request = read(exchange);
            FakeResponse response = answer(request);
            write(exchange, response);
        }
    }

    private FakeResponse answer(FakeRequest request) {
        Handler fault = recordAndTakeFault(request);
        try {
            if (fault != null) {
                return fault.handle(request);
            }
            Optional<FakeResponse> intercepted = interceptor.intercept(request);
            if (intercepted.isPresent()) {
                return intercepted.get();
            }
            for (Route route : routes) {
                Map<String, String> params = match(route, request);
                if (params != null) {
                    return route.handler().handle(request.withPathParams(params));
                }
            }
            return notFound.handle(request);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "fake provider handler failed for " + request.method() + " " + request.pathAndQuery(), e);
            return FakeResponse.json(500, Map.of("message", "fake provider handler failed: " + e));
        }
    }

    private synchronized Handler recordAndTakeFault(FakeRequest request) {
        log.add(request);
        Fault head = faults.pollFirst();
        if (head == null) {
            return takeTargetedFault(request);
        }
        if (head.remaining() > 1) {
            faults.addFirst(new Fault(head.remaining() - 1, head.response()));
        }
        return head.response();
    }

    private Handler takeTargetedFault(FakeRequest request) {
        for (int i = 0; i < targetedFaults.size(); i++) {
            TargetedFault fault = targetedFaults.get(i);
            if (fault.match().test(request)) {
                if (fault.remaining() > 1) {
                    targetedFaults.set(i, new TargetedFault(fault.match(), fault.remaining() - 1, fault.response()));
                } else {
                    targetedFaults.remove(i);
                }
                return fault.response();
            }
        }
        return null;
    }

    private static Map<String, String> match(Route route, FakeRequest request) {
        if (!route.method().equals(request.method())) {
            return null;
        }
        List<String> actual = segments(request.path());
        if (actual.size() != route.segments().size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < actual.size(); i++) {
            String expected = route.segments().get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1), actual.get(i));
            } else if (!expected.equals(actual.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> segments(String path) {
        return List.of(path.replaceAll("^/+|/+$", "").split("/+", -1));
    }

    private FakeRequest read(HttpExchange exchange) throws IOException {
        String rawQuery = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new FakeRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                rawQuery, parseQuery(rawQuery), headers, body, Map.of(), baseUrl());
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Collects routes and hooks; {@link #build()} gives an unstarted server. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private Interceptor interceptor = request -> Optional.empty();
        private Handler notFound = request -> FakeResponse.json(404, Map.of("message", "Not Found"));

        private Builder() {}

        /**
         * Adds a route. {@code pathTemplate} segments written {@code {name}} match any one segment
         * and are read with {@link FakeRequest#pathParam}. Routes are tried in the order added.
         */
        public Builder route(String method, String pathTemplate, Handler handler) {
            if (!pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("pathTemplate must start with '/', was '" + pathTemplate + "'");
            }
            routes.add(new Route(method.toUpperCase(Locale.ROOT), segments(pathTemplate), Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** Shorthand for {@code route("GET", pathTemplate, handler)}. */
        public Builder get(String pathTemplate, Handler handler) {
            return route("GET", pathTemplate, handler);
        }

        /** Shorthand for {@code route("POST", pathTemplate, handler)}. */
        public Builder post(String pathTemplate, Handler handler) {
            return route("POST", pathTemplate, handler);
        }

        /** Runs before routing (not before injected failures); default: lets everything through. */
        public Builder interceptor(Interceptor interceptor) {
            this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
            return this;
        }

        /** Answers requests that match no route; default: 404 {@code {"message":"Not Found"}}. */
        public Builder notFound(Handler notFound) {
            this.notFound = Objects.requireNonNull(notFound, "notFound");
            return this;
        }

        /** An unstarted server; call {@link FakeProviderServer#start()}. */
        public FakeProviderServer build() {
            return new FakeProviderServer(this);
        }
    }
}
