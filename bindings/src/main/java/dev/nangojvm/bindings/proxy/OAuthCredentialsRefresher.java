package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.HttpClient;

/**
 * Keeps OAuth tokens usable, as Nango's server does when a script fetches its connection:
 * <ul>
 *   <li>{@code OAUTH2}: when {@code expires_at} is within the refresh margin (provider
 *       {@code token_expiration_buffer} seconds, else {@value #DEFAULT_MARGIN_MINUTES} minutes), a
 *       {@code refresh_token} grant against the provider's {@code refresh_url} or {@code token_url},
 *       with the integration's client id/secret ({@code refresh_params}, else {@code token_params},
 *       added).</li>
 *   <li>{@code OAUTH2_CC}: a {@code client_credentials} grant with the credentials' own
 *       {@code client_id}/{@code client_secret} when there is no token or it expires soon.</li>
 * </ul>
 * New credentials are cached per connection until they in turn expire, and handed to
 * {@code onRefreshed} so the host can persist them. The token endpoint goes through the same
 * egress guard as the proxy. Thread-safe; one refresh per connection at a time.
 */
public final class OAuthCredentialsRefresher implements CredentialsRefresher {

    /** Default refresh margin, as Nango's {@code REFRESH_MARGIN_MS}. */
    public static final long DEFAULT_MARGIN_MINUTES = 15;
    /** Nango's default lifetime of a client-credentials token that states none. */
    static final Duration DEFAULT_CC_LIFETIME = Duration.ofMinutes(55);

    private final HttpExchange http;
    private final Clock clock;
    private final Function<String, IntegrationCredentials> integrations;
    private final Consumer<Connection> onRefreshed;
    private final String userAgent;
    private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private OAuthCredentialsRefresher(Builder b) {
        this.http = new HttpExchange(b.httpClient, b.guard);
        this.clock = b.clock;
        this.integrations = b.integrations;
        this.onRefreshed = b.onRefreshed;
        this.userAgent = b.userAgent;
    }

    /** A builder; {@link Builder#httpClient} and {@link Builder#egressGuard} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Connection refreshIfNeeded(Connection connection, Provider provider) {
        String type = connection.credentialsType();
        if (!"OAUTH2".equals(type) && !"OAUTH2_CC".equals(type)) {
            return connection;
        }
        String key = connection.providerConfigKey() + "\u0000" + connection.connectionId();
        Duration margin = margin(provider);
        if (usable(connection.credentials(), margin, "OAUTH2_CC".equals(type))) {
            return connection;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            ObjectNode cached = cache.get(key);
            if (cached != null && usable(cached, margin, true)) {
                return connection.withCredentials(cached);
            }
            ObjectNode fresh = "OAUTH2".equals(type) ? refreshToken(connection, provider) : clientCredentials(connection, provider);
            if (fresh == null) {
                return connection;
            }
            cache.put(key, fresh);
            Connection refreshed = connection.withCredentials(fresh);
            onRefreshed.accept(refreshed);
            return refreshed;
        }
    }

    // OAUTH2 without expires_at never expires; OAUTH2_CC without a token must fetch one.
    private boolean usable(JsonNode creds, Duration margin, boolean needsToken) {
        String tokenField = "OAUTH2_CC".equals(Json.text(creds, "type")) ? "token" : "access_token";
        if (needsToken && !JsValues.truthy(creds.get(tokenField))) {
            return false;
        }
        Instant expiresAt = expiresAt(creds.get("expires_at"));
        return expiresAt == null || expiresAt.toEpochMilli() - clock.millis() >= margin.toMillis();
    }

    private static Duration margin(Provider provider) {
        String buffer = provider.text("token_expiration_buffer");
        double seconds = buffer == null ? Double.NaN : JsValues.number(buffer);
        return Double.isNaN(seconds) || seconds <= 0 ? Duration.ofMinutes(DEFAULT_MARGIN_MINUTES) : Duration.ofMillis((long) (seconds * 1000));
    }

    /** Nango's {@code parseTokenExpirationDate}: ISO string, or epoch millis/seconds. */
    private static Instant expiresAt(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            double n = v.doubleValue();
            return Instant.ofEpochMilli((long) (n >= 63_072_000_000L ? n : n * 1000));
        }
        return v.isTextual() ? RetryRules.parseJsDate(v.textValue(), ZoneOffset.UTC) : null;
    }

    private ObjectNode refreshToken(Connection c, Provider provider) {
        String refreshToken = Json.text(c.credentials(), "refresh_token");
        if (refreshToken == null || refreshToken.isEmpty()) {
            return null;
        }
        IntegrationCredentials app = appFor(c);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        JsonNode extra = provider.refreshParams().isObject() ? provider.refreshParams() : provider.tokenParams();
        String url = provider.refreshUrl() != null ? provider.refreshUrl() : provider.tokenUrl("OAUTH2");
        // Nango's OAuth2 client posts to the token URL's origin + path; its query string is dropped.
        url = url == null ? null : url.replaceFirst("[?#].*$", "");
        JsonNode response = requestToken(c, provider, url, form, extra, app.clientId(), app.clientSecret());
        ObjectNode creds = Json.object();
        creds.put("type", "OAUTH2");
        creds.set("access_token", response.get("access_token"));
        creds.put("refresh_token", Json.text(response, "refresh_token") != null ? Json.text(response, "refresh_token") : refreshToken);
        putExpiry(creds, response, null);
        creds.set("raw", response);
        if (c.credentials().has("config_override")) {
            creds.set("config_override", c.credentials().get("config_override"));
        }
        return creds;
    }

    private ObjectNode clientCredentials(Connection c, Provider provider) {
        String clientId = Json.text(c.credentials(), "client_id");
        String clientSecret = Json.text(c.credentials(), "client_secret");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        JsonNode response = requestToken(c, provider, provider.tokenUrl("OAUTH2_CC"), form, provider.tokenParams(), clientId, clientSecret);
        ObjectNode creds = c.credentials().deepCopy();
        creds.set("token", response.get("access_token"));
        putExpiry(creds, response, DEFAULT_CC_LIFETIME);
        creds.set("raw", response);
        return creds;
    }

    private void putExpiry(ObjectNode creds, JsonNode response, Duration fallback) {
        double expiresIn = JsValues.number(response.get("expires_in"));
        Duration lifetime = Double.isNaN(expiresIn) || response.get("expires_in") == null ? fallback : Duration.ofMillis((long) (expiresIn * 1000));
        if (lifetime != null) {
            creds.put("expires_at", Templates.isoString(clock.instant().plus(lifetime)));
        }
    }

    private JsonNode requestToken(Connection c, Provider provider, String template, Map<String, String> form,
                                  JsonNode extra, String clientId, String clientSecret) {
        if (template == null) {
            throw failure(c, "the provider '" + provider.name() + "' has no token_url");
        }
        ObjectNode replacers = Json.object();
        replacers.set("connectionConfig", c.connectionConfig());
        replacers.set("credentials", c.credentials());
        replacers.setAll(c.credentials());
        String url = Templates.interpolateIfNeeded(template, replacers, clock);
        if (extra.isObject()) {
            extra.properties().forEach(e -> form.put(e.getKey(), Templates.interpolateIfNeeded(JsValues.string(e.getValue()), replacers, clock)));
        }
        boolean basic = "basic".equals(provider.text("token_request_auth_method")) || "header".equals(provider.text("authorization_method"));
        if (!"header".equals(provider.text("authorization_method"))) {
            putIfPresent(form, "client_id", clientId);
            putIfPresent(form, "client_secret", clientSecret);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        boolean json = "json".equals(provider.text("body_format"));
        headers.put("content-type", json ? "application/json" : "application/x-www-form-urlencoded");
        headers.put("accept", "application/json");
        headers.put("user-agent", userAgent);
        if (basic) {
            String pair = (clientId == null ? "" : clientId) + ":" + (clientSecret == null ? "" : clientSecret);
            headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] body = json ? RequestBody.jsonStringify(Json.MAPPER.valueToTree(form)).getBytes(StandardCharsets.UTF_8)
                : formBody(form).getBytes(StandardCharsets.UTF_8);
        HttpExchange.Outcome outcome = http.execute(new HttpExchange.Request("POST", WhatwgUrl.parse(url), headers,
                new RequestBody.Encoded(body, null), false, "token " + c.providerConfigKey() + "/" + c.connectionId()));
        if (outcome.status() < 200 || outcome.status() > 299) {
            throw failure(c, "the token endpoint answered HTTP " + outcome.status());
        }
        JsonNode parsed = parseTokenResponse(new String(outcome.body(), StandardCharsets.UTF_8));
        if (parsed == null || !JsValues.truthy(parsed.get("access_token"))) {
            throw failure(c, "the token endpoint's answer has no access_token");
        }
        return parsed;
    }

    private static void putIfPresent(Map<String, String> form, String key, String value) {
        if (value != null && !value.isEmpty()) {
            form.put(key, value);
        }
    }

    private static String formBody(Map<String, String> form) {
        UrlSearchParams p = new UrlSearchParams();
        form.forEach(p::append);
        return p.toString();
    }

    // Some providers (GitHub without Accept) answer form-encoded.
    private static JsonNode parseTokenResponse(String text) {
        JsonNode json = Json.parseOrNull(text);
        if (json != null) {
            return json.isObject() ? json : null;
        }
        ObjectNode out = Json.object();
        UrlSearchParams.parse(text).entries().forEach(e -> out.put(e[0], e[1]));
        return out;
    }

    private IntegrationCredentials appFor(Connection c) {
        JsonNode override = c.credentials().path("config_override");
        if (JsValues.truthy(override.get("client_id")) && JsValues.truthy(override.get("client_secret"))) {
            return new IntegrationCredentials(override.get("client_id").asText(), override.get("client_secret").asText());
        }
        IntegrationCredentials app = integrations.apply(c.providerConfigKey());
        return app == null ? IntegrationCredentials.NONE : app;
    }

    private static NangoException failure(Connection c, String why) {
        return new NangoException("refresh_token_external_error", "Refreshing the credentials of connection "
                + c.providerConfigKey() + "/" + c.connectionId() + " failed: " + why + ". Reconnect the connection or check the integration's OAuth app.");
    }

    /** Builds an {@link OAuthCredentialsRefresher}. */
    public static final class Builder {
        private HttpClient httpClient;
        private EgressGuard guard;
        private Clock clock = Clock.systemUTC();
        private Function<String, IntegrationCredentials> integrations = key -> IntegrationCredentials.NONE;
        private Consumer<Connection> onRefreshed = c -> { };
        private String userAgent = ProxyClient.DEFAULT_USER_AGENT;

        private Builder() {
        }

        /** The HTTP client for token requests; required. Redirects are never followed. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        /** The egress guard token URLs must pass; required. */
        public Builder egressGuard(EgressGuard guard) {
            this.guard = Objects.requireNonNull(guard);
            return this;
        }

        /** Time source for expiry checks; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The OAuth app of an integration, by provider config key; default none. */
        public Builder integrationCredentials(Function<String, IntegrationCredentials> lookup) {
            this.integrations = Objects.requireNonNull(lookup);
            return this;
        }

        /** Called with the connection after each successful refresh, to persist its new credentials. */
        public Builder onRefreshed(Consumer<Connection> callback) {
            this.onRefreshed = Objects.requireNonNull(callback);
            return this;
        }

        /** {@code user-agent} of token requests; default {@link ProxyClient#DEFAULT_USER_AGENT}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent);
            return this;
        }

        public OAuthCredentialsRefresher build() {
            if (httpClient == null || guard == null) {
                throw new IllegalStateException("OAuthCredentialsRefresher needs httpClient(...) and egressGuard(...)");
            }
            return new OAuthCredentialsRefresher(this);
        }
    }
}
