package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyConfiguration;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nango's {@code buildProxyURL}: base URL choice (override, AWS SigV4 connection base, template with
 * {@code A || B}), slash normalisation, base-prefix stripping, template interpolation, then script
 * params and provider {@code proxy.query}, re-serialising the query the way {@code URLSearchParams} does.
 */
final class ProxyUrls {

    private static final Pattern FIRST_CONFIG_KEY = Pattern.compile("connectionConfig\\.(\\w+)");

    private ProxyUrls() {
    }

    /** The endpoint after Nango strips a copy of the raw template base URL from it. */
    static String endpoint(ProxyConfiguration cfg, Provider provider) {
        String endpoint = cfg.endpoint() == null ? "" : cfg.endpoint();
        String base = provider.baseUrl();
        if (cfg.baseUrlOverride() == null && base != null && !base.isEmpty() && endpoint.contains(base)) {
            endpoint = endpoint.replaceFirst(Pattern.quote(base), "");
        }
        return endpoint;
    }

    static WhatwgUrl build(ProxyConfiguration cfg, Provider provider, Connection connection, Clock clock) {
        String base = chooseBase(cfg, provider, connection);
        String normalisedBase = base != null && base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String normalisedEndpoint = endpoint(cfg, provider).replaceFirst("^/+", "");
        if (normalisedBase != null && !normalisedBase.isEmpty() && !normalisedBase.contains("${")
                && normalisedEndpoint.startsWith(normalisedBase)) {
            String rest = normalisedEndpoint.substring(normalisedBase.length());
            if (rest.isEmpty() || "/?#".indexOf(rest.charAt(0)) >= 0) {
                normalisedEndpoint = rest.replaceFirst("^/+", "");
            }
        }
        StringBuilder combined = new StringBuilder();
        for (String part : new String[] {renameConfig(normalisedBase), renameConfig(normalisedEndpoint)}) {
            if (part != null && !part.isEmpty()) {
                combined.append(combined.isEmpty() ? "" : "/").append(part);
            }
        }
        String full = Templates.interpolateIfNeeded(combined.toString(), urlReplacers(connection), clock);
        WhatwgUrl url = withParams(WhatwgUrl.parse(full), full, cfg.json().get("params"));
        return withProviderQuery(url, provider, connection, clock);
    }

    private static String chooseBase(ProxyConfiguration cfg, Provider provider, Connection connection) {
        String base = cfg.baseUrlOverride() != null && !cfg.baseUrlOverride().isEmpty() ? cfg.baseUrlOverride() : provider.baseUrl();
        if ((cfg.baseUrlOverride() == null || cfg.baseUrlOverride().isEmpty()) && "AWS_SIGV4".equals(connection.credentialsType())) {
            String connectionBase = Json.text(connection.connectionConfig(), "base_url");
            if (connectionBase != null && !connectionBase.isEmpty()) {
                base = connectionBase;
            }
        }
        if (base != null && base.contains("${") && base.contains("||")) {
            String[] alternatives = base.split("\\s*\\|\\|\\s*", -1);
            Matcher key = FIRST_CONFIG_KEY.matcher(base);
            boolean useFirst = key.find() && JsValues.truthy(connection.connectionConfig().get(key.group(1)));
            int index = useFirst ? 0 : 1;
            base = index < alternatives.length ? alternatives[index].strip() : null;
        }
        return base;
    }

    private static String renameConfig(String part) {
        return part == null ? null : part.replace("connectionConfig", "connection_config");
    }

    /** {@code connectionCopyWithParsedConnectionConfig(connection)} spread with the credential fields. */
    private static ObjectNode urlReplacers(Connection c) {
        ObjectNode r = Json.object();
        r.put("connection_id", c.connectionId());
        r.put("provider_config_key", c.providerConfigKey());
        r.put("provider", c.provider());
        ObjectNode parsed = Json.object();
        c.connectionConfig().properties().forEach(e -> {
            String key = e.getKey().replaceFirst(Pattern.quote("connectionConfig."), "");
            if (!key.isEmpty() && JsValues.truthy(e.getValue())) {
                parsed.set(key, e.getValue());
            }
        });
        r.set("connection_config", c.connectionConfig().isEmpty() ? c.connectionConfig() : parsed);
        r.set("metadata", c.metadata());
        r.set("credentials", c.credentials());
        r.setAll(c.credentials());
        return r;
    }

    private static WhatwgUrl withParams(WhatwgUrl url, String full, JsonNode params) {
        if (!JsValues.truthy(params)) {
            return url;
        }
        if (params.isTextual()) {
            if (full.contains("?")) {
                throw new NangoException("invalid_query_params", "Can not set query params in endpoint and in params");
            }
            String p = params.textValue();
            return WhatwgUrl.parse(full + (p.startsWith("?") ? p : "?" + p));
        }
        if (!params.isObject() || params.isEmpty()) {
            return url;
        }
        UrlSearchParams search = UrlSearchParams.parse(url.query);
        params.properties().forEach(e -> search.set(e.getKey(), JsValues.string(e.getValue())));
        return url.withQuery(search.toString());
    }

    private static WhatwgUrl withProviderQuery(WhatwgUrl url, Provider provider, Connection c, Clock clock) {
        JsonNode query = provider.proxyQuery();
        if (!query.isObject()) {
            return url;
        }
        ObjectNode replacers = Json.object();
        replacers.put("accessToken", accessToken(c));
        replacers.set("connectionConfig", c.connectionConfig());
        replacers.set("credentials", c.credentials());
        replacers.setAll(c.credentials());
        UrlSearchParams search = null;
        for (Map.Entry<String, JsonNode> e : query.properties()) {
            if (!e.getValue().isTextual()) {
                continue;
            }
            String value = Templates.interpolateIfNeeded(e.getValue().textValue(), replacers, clock);
            if (!value.contains("${")) {
                search = search == null ? UrlSearchParams.parse(url.query) : search;
                search.set(e.getKey(), value);
            }
        }
        return search == null ? url : url.withQuery(search.toString());
    }

    /** OAUTH2 {@code access_token}, else a string {@code token}, else empty. */
    static String accessToken(Connection c) {
        JsonNode creds = c.credentials();
        if ("OAUTH2".equals(c.credentialsType())) {
            String t = Json.text(creds, "access_token");
            return t == null ? "" : t;
        }
        JsonNode token = creds.get("token");
        return token != null && token.isTextual() ? token.textValue() : "";
    }
}
