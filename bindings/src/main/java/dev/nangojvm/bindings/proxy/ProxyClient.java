package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyHttpException;
import dev.nangojvm.bindings.ProxyNetworkException;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.policy.EgressRules;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The proxy behind {@code nango.proxy(config)} and {@code nango.get/post/...}: builds the URL and
 * headers from the provider catalog and the connection, checks every hop against the egress
 * rules, retries like Nango and answers axios-shaped.
 *
 * <pre>{@code
 * ProxyClient proxy = ProxyClient.builder()
 *         .catalog(ProviderCatalog.load(Path.of("providers.yaml")))
 *         .egressRules(EgressRules.publicInternetOnly())
 *         .build();
 * ProxyResponse res = proxy.proxy(config, new ProxyCall(connections, null, log, info));
 * }</pre>
 *
 * <p>Thread-safe; one instance serves every execution. Blocking: waits between retries happen
 * on the calling thread through the injected {@link Sleeper}. {@link #close()} closes the HTTP
 * client only if the builder created it.
 */
public final class ProxyClient implements AutoCloseable {

    /** The {@code user-agent} sent unless the provider defines one (scripts cannot override it). */
    public static final String DEFAULT_USER_AGENT = "nango-node-client/0.0.0 (nango-jvm)";
    /** TCP connect timeout of the HTTP client the builder creates; there is no overall request timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static final long MAX_BACKOFF_MS = 600_000;

    private final ProviderCatalog catalog;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpExchange exchange;
    private final Closeable ownedClient;
    private final CredentialsRefresher refresher;
    private final Function<String, IntegrationCredentials> integrations;
    private final String userAgent;

    private ProxyClient(Builder b, HttpClient client, Closeable owned, EgressGuard guard) {
        this.catalog = b.catalog;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.exchange = new HttpExchange(client, guard);
        this.ownedClient = owned;
        this.refresher = b.refresher;
        this.integrations = b.integrations;
        this.userAgent = b.userAgent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the request, retrying per {@code retries} and Nango's retry policy.
     *
     * @return the 2xx response
     * @throws ProxyHttpException    a non-2xx final response
     * @throws ProxyNetworkException no response (Node error code)
     * @throws NangoException        configuration problems ({@code missing_api_url}, {@code unsupported_provider},
     *                               {@code unknown_provider}, {@code invalid_query_params}, {@code invalid_header},
     *                               {@code url_not_allowed}, ...)
     */
    public ProxyResponse proxy(ProxyConfiguration cfg, ProxyCall call) {
        Provider provider = call.provider() != null ? call.provider()
                : catalog.find(call.info().provider()).orElseThrow(() -> new NangoException("unknown_provider", "unknown_provider"));
        validate(cfg, provider);
        int max = Math.max(0, cfg.retries());
        Attempts attempts = new Attempts(call, max);
        for (int attempt = 0; ; attempt++) {
            try {
                return attempt(cfg, provider, call, attempts);
            } catch (NangoException e) {
                if (attempt >= max) {
                    throw e;
                }
                RetryRules.Decision d = RetryRules.decide(e, cfg, provider, clock.millis(), clock.getZone());
                if (!d.reason().equals("unknown_error")) {
                    d = attempts.on401(d);
                }
                double backoff = Math.min(3000 * Math.pow(2, attempt), MAX_BACKOFF_MS);
                logRetry(call, d, backoff, attempt + 1, max);
                if (!d.retry()) {
                    throw e;
                }
                attempts.waited = d.waitMs() != null ? d.waitMs() : backoff;
                sleep(attempts.waited);
            }
        }
    }

    private static void validate(ProxyConfiguration cfg, Provider provider) {
        boolean hasOverride = cfg.baseUrlOverride() != null && !cfg.baseUrlOverride().isEmpty();
        if ((cfg.endpoint() == null || cfg.endpoint().isEmpty()) && !hasOverride) {
            throw new NangoException("missing_api_url", "missing_api_url");
        }
        if ((provider.baseUrl() == null || provider.baseUrl().isEmpty()) && !hasOverride && !"AWS_SIGV4".equals(provider.authMode())) {
            throw new NangoException("unsupported_provider", "unsupported_provider");
        }
    }

    private ProxyResponse attempt(ProxyConfiguration cfg, Provider provider, ProxyCall call, Attempts attempts) {
        Connection c = attempts.fetch(refresher, provider);
        IntegrationCredentials app = Objects.requireNonNullElse(integrations.apply(call.info().providerConfigKey()), IntegrationCredentials.NONE);
        String method = cfg.method();
        WhatwgUrl url = ProxyUrls.build(cfg, provider, c, clock);
        JsonNode data = RequestBody.withProviderBody(method, cfg.data(), provider, c, clock);
        Map<String, String> headers = ProxyHeaders.build(new ProxyHeaders.Request(method, ProxyUrls.endpoint(cfg, provider), url,
                ProxyHeaders.scriptHeaders(cfg.headers(), userAgent), data), provider, c, app, clock);
        RequestBody.Encoded body = null;
        if (JsValues.truthy(data) && RequestBody.METHODS_WITH_BODY.contains(method)) {
            body = RequestBody.encode(data, headers);
            if (body.contentType() != null) {
                headers.put("content-type", body.contentType());
            }
        }
        JsonNode forward = cfg.json().get("forwardHeadersOnRedirect");
        boolean forwardHeaders = forward != null && !forward.isNull() ? forward.asBoolean() : provider.forwardHeadersOnRedirect();
        HttpLog log = new HttpLog(call, new Redactor(c, app), method, url.toString(), headers, clock.instant(), attempts);
        try {
            HttpExchange.Outcome out = exchange.execute(new HttpExchange.Request(method, url, headers, body, forwardHeaders, context(call)));
            ProxyResponse response = new ProxyResponse(out.status(), out.statusText(), out.headers(),
                    ResponseData.data(out.body(), cfg.responseType()), out.url());
            log.response(response);
            if (out.status() < 200 || out.status() > 299) {
                throw new ProxyHttpException(method, response);
            }
            return response;
        } catch (ProxyNetworkException e) {
            log.failure(e);
            throw e;
        }
    }

    private static String context(ProxyCall call) {
        var i = call.info();
        return "proxy " + i.providerConfigKey() + "/" + i.connectionId() + " (" + i.provider() + ", " + i.scriptType() + " " + i.scriptName() + ")";
    }

    private void logRetry(ProxyCall call, RetryRules.Decision d, double backoff, int attempt, int max) {
        String message = d.retry()
                ? "Retrying HTTP call (reason: " + d.reason() + "). Waiting for "
                  + JsValues.numberToString(d.waitMs() != null && d.waitMs() != 0 ? d.waitMs() : backoff) + "ms [" + attempt + "/" + max + "]"
                : "Skipping retry HTTP call (reason: " + d.reason() + ") [" + attempt + "/" + max + "]";
        call.log().accept(new LogEntry("warn", "internal", message, null, clock.instant()));
    }

    private void sleep(double ms) {
        try {
            sleeper.sleep(Duration.ofNanos(Math.max(0, Math.round(ms * 1_000_000))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NangoException("script_aborted", "The proxy call was interrupted while waiting to retry.", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (ownedClient != null) {
            ownedClient.close();
        }
    }

    /**
     * Per-call state: the connection fetched before each attempt, and Nango's 401 rule (the first
     * 401 is retried, later ones only if the credentials changed between the last two fetches).
     */
    private static final class Attempts {
        private final ProxyCall call;
        private final int max;
        private JsonNode previousCredentials;
        private boolean canRetryOn401 = true;
        private int attempt = -1;
        private double waited;

        Attempts(ProxyCall call, int max) {
            this.call = call;
            this.max = max;
        }

        Connection fetch(CredentialsRefresher refresher, Provider provider) {
            attempt++;
            Connection c = call.connection().get();
            if (c == null) {
                throw new NangoException("connection_not_found", "Connection not found using the provider config key "
                        + call.info().providerConfigKey() + " and connection id " + call.info().connectionId());
            }
            c = refresher.refreshIfNeeded(c, provider);
            if (previousCredentials != null) {
                canRetryOn401 = !previousCredentials.equals(c.credentials());
            }
            previousCredentials = c.credentials();
            return c;
        }

        RetryRules.Decision on401(RetryRules.Decision d) {
            if (d.reason().contains("code_401")) {
                call.connection().invalidate();
                if (!canRetryOn401) {
                    return RetryRules.Decision.stop("invalid_credentials");
                }
            }
            return d;
        }
    }

    /** One {@code http} activity-log entry per attempt, with credentials masked. */
    private record HttpLog(ProxyCall call, Redactor redactor, String method, String url, Map<String, String> headers,
                           Instant start, Attempts attempts) {

        void response(ProxyResponse r) {
            emit(r.status() >= 200 && r.status() <= 299 ? "info" : "error", r.status(), r.headers(), null);
        }

        void failure(ProxyNetworkException e) {
            emit("error", 500, Map.of(), e);
        }

        private void emit(String level, int code, Map<String, ?> responseHeaders, ProxyNetworkException error) {
            String safeUrl = redactor.text(url);
            var meta = Json.object();
            meta.put("type", "http");
            var request = meta.putObject("request");
            request.put("method", method);
            request.put("url", safeUrl);
            request.set("headers", Json.MAPPER.valueToTree(redactor.headers(headers)));
            var response = meta.putObject("response");
            response.put("code", code);
            response.set("headers", Json.MAPPER.valueToTree(responseHeaders));
            if (error != null) {
                var err = meta.putObject("error");
                err.put("name", "AxiosError");
                err.put("message", error.getMessage());
                err.putObject("payload").put("code", error.code());
            }
            var retry = meta.putObject("retry");
            retry.put("attempt", attempts.attempt);
            retry.put("max", attempts.max);
            retry.put("waited", attempts.waited);
            call.log().accept(new LogEntry(level, "internal", method + " " + safeUrl, meta, start));
        }
    }

    /**
     * The HTTP client the builder creates: pooled (64 connections, 16 per route), no redirects,
     * retries, cookies or timeouts beyond the TCP connect, and a DNS hook that only answers with
     * addresses {@code guard} allows. Share it with an {@link OAuthCredentialsRefresher}.
     */
    public static CloseableHttpClient newHttpClient(EgressGuard guard, Duration connectTimeout) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.DISABLED)
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(16)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.DISABLED).build())
                .build();
    }

    /** Builds a {@link ProxyClient}; every setting has a safe default. */
    public static final class Builder {
        private ProviderCatalog catalog = ProviderCatalog.empty();
        private EgressRules rules = EgressRules.publicInternetOnly();
        private EgressGuard guard;
        private HostResolver resolver = HostResolver.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HttpClient httpClient;
        private CredentialsRefresher refresher = CredentialsRefresher.NONE;
        private Function<String, IntegrationCredentials> integrations = key -> IntegrationCredentials.NONE;
        private String userAgent = DEFAULT_USER_AGENT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder() {
        }

        /** Providers looked up when a {@link ProxyCall} names none; default empty. */
        public Builder catalog(ProviderCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog);
            return this;
        }

        /** Where requests may go; default {@link EgressRules#publicInternetOnly()}. */
        public Builder egressRules(EgressRules rules) {
            this.rules = Objects.requireNonNull(rules);
            return this;
        }

        /** A ready guard (e.g. shared with an {@link OAuthCredentialsRefresher}); replaces {@link #egressRules} and {@link #hostResolver}. */
        public Builder egressGuard(EgressGuard guard) {
            this.guard = Objects.requireNonNull(guard);
            return this;
        }

        /** DNS for the egress guard; default {@link HostResolver#SYSTEM}. */
        public Builder hostResolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver);
            return this;
        }

        /** Time for rate-limit resets and log timestamps; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How retry waits happen; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /**
         * An HTTP client to use instead of the pooled one the builder creates; its redirect handling is
         * switched off per request. It should not use a proxy or resolve names itself, please be careful:
         * the egress guard pins addresses only for clients that honour {@code HttpHost} addresses.
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        /** Token refresh before each attempt; default {@link CredentialsRefresher#NONE}. */
        public Builder credentialsRefresher(CredentialsRefresher refresher) {
            this.refresher = Objects.requireNonNull(refresher);
            return this;
        }

        /** The OAuth app per provider config key, for {@code ${clientId}}/{@code ${clientSecret}} headers; default none. */
        public Builder integrationCredentials(Function<String, IntegrationCredentials> lookup) {
            this.integrations = Objects.requireNonNull(lookup);
            return this;
        }

        /** Default {@link #DEFAULT_USER_AGENT}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        /** TCP connect timeout of the created client; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        public ProxyClient build() {
            EgressGuard guard = this.guard != null ? this.guard : new EgressGuard(rules, resolver);
            if (httpClient != null) {
                return new ProxyClient(this, httpClient, null, guard);
            }
            var client = newHttpClient(guard, connectTimeout);
            return new ProxyClient(this, client, client, guard);
        }
    }
}
