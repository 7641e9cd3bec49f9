package dev.nangojvm.testkit;

import java.util.List;
import java.util.Optional;

/**
 * What the pattern fakes ({@link FakeHubspotServer}, {@link FakeBoxServer}, {@link FakeZendeskServer},
 * {@link FakeSlackServer}, {@link FakePipedriveServer}) have in common: a {@link FakeProviderServer}
 * underneath, one accepted bearer token, the request log and failure injection.
 */
public abstract class FakeApiServer implements AutoCloseable {

    private final String token;
    private FakeProviderServer http;

    protected FakeApiServer(String token) {
        this.token = token;
    }

    /**
     * Builds the server from the subclass's routes, with a bearer-token check in front of them
     * ({@code unauthorized} answers requests without the token), and starts it on 127.0.0.1.
     * Called once, at the end of the subclass constructor.
     */
    protected final void serve(FakeProviderServer.Builder routes, FakeProviderServer.Handler unauthorized) {
        if (http != null) {
            throw new IllegalStateException("already serving");
        }
        http = routes.interceptor(request -> {
                    if (authorized(request)) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(unauthorized.handle(request));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .build()
                .start();
    }

    /** {@code http://127.0.0.1:<port>}: the provider's {@code base_url} in tests. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** The bearer token the server accepts ({@code Authorization: Bearer <token>}). */
    public String token() {
        return token;
    }

    /** Every request received so far, oldest first (including refused ones). */
    public List<FakeRequest> requests() {
        return http.requests();
    }

    /** How many requests had this method and path. */
    public long requestCount(String method, String path) {
        return http.requestCount(method, path);
    }

    /** Forgets the request log. */
    public void clearRequests() {
        http.clearRequests();
    }

    /** The underlying server, for {@link FakeProviderServer#failNext} and {@link FakeProviderServer#failMatching}. */
    public FakeProviderServer server() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }

    /** True when the request carries {@code Authorization: Bearer <token>}. */
    protected boolean authorized(FakeRequest request) {
        String[] parts = request.header("authorization").orElse("").trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("bearer") && parts[1].equals(token);
    }

    /** Parses a positive integer query parameter, else the default. */
    protected static int intParam(Optional<String> value, int defaultValue) {
        try {
            return value.map(Integer::parseInt).filter(v -> v > 0).orElse(defaultValue);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
