package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nango's {@code buildProxyHeaders}: the auth header for the credential type, then provider
 * {@code proxy.headers} (interpolated per type), then the script's headers (lower-cased, they win),
 * with {@code user-agent} forced to the SDK's value unless the provider defines one.
 */
final class ProxyHeaders {

    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\$\\{[^{}]*}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    /** What the headers are computed from; {@code data} is the body after {@code proxy.body} merging. */
    record Request(String method, String endpoint, WhatwgUrl url, Map<String, String> scriptHeaders, JsonNode data) {
    }

    private ProxyHeaders() {
    }

    /** Script headers with lower-cased names, null/false values dropped, the SDK user agent added. */
    static Map<String, String> scriptHeaders(JsonNode headers, String userAgent) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers != null && headers.isObject()) {
            headers.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if (!v.isNull() && !(v.isBoolean() && !v.booleanValue())) {
                    out.put(e.getKey().toLowerCase(Locale.ROOT), JsValues.string(v));
                }
            });
        }
        out.put("user-agent", userAgent);
        return out;
    }

    static Map<String, String> build(Request req, Provider provider, Connection c, IntegrationCredentials app, Clock clock) {
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(headers, provider, c);
        providerHeaders(headers, req, provider, c, app, clock);
        Map<String, String> script = new LinkedHashMap<>(req.scriptHeaders());
        if (headers.get("user-agent") != null && !headers.get("user-agent").isEmpty()) {
            script.put("user-agent", headers.get("user-agent"));
        }
        headers.putAll(script);
        headers.putIfAbsent("accept", "application/json, text/plain, */*");
        headers.forEach(ProxyHeaders::validate);
        return headers;
    }

    private static void authorization(Map<String, String> headers, Provider provider, Connection c) {
        JsonNode creds = c.credentials();
        String type = c.credentialsType();
        switch (type == null ? "NONE" : type) {
            case "BASIC" -> {
                JsonNode password = creds.get("password");
                String raw = JsValues.string(creds.get("username")) + ":"
                        + (password == null || password.isNull() ? "" : JsValues.string(password));
                headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
            }
            case "OAUTH2", "APP" -> headers.put("authorization", "Bearer " + JsValues.string(creds.get("access_token")));
            case "OAUTH2_CC", "SIGNATURE", "JWT" -> headers.put("authorization", "Bearer " + JsValues.string(creds.get("token")));
            case "TWO_STEP" -> {
                if (!twoStepHasCustomAuth(provider)) {
                    headers.put("authorization", "Bearer " + JsValues.string(creds.get("token")));
                }
            }
            case "API_KEY", "CUSTOM", "BILL", "NONE" -> { }
            case "OAUTH1", "TBA", "AWS_SIGV4" -> throw new NangoException("unsupported_auth",
                    "Auth \"" + type + "\" is not supported by nango-jvm's proxy yet: its request signing is not implemented.");
            default -> throw new NangoException("unsupported_auth", "Auth \"" + type + "\" is not supported");
        }
    }

    private static boolean twoStepHasCustomAuth(Provider provider) {
        JsonNode ph = provider.proxyHeaders();
        if (!ph.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : ph.properties()) {
            String v = e.getValue().isTextual() ? e.getValue().textValue() : "";
            if ((e.getKey().equalsIgnoreCase("cookie") && v.contains("${credentials._cookies}")) || v.contains("${accessToken}")) {
                return true;
            }
        }
        return false;
    }

    private static void providerHeaders(Map<String, String> headers, Request req, Provider provider, Connection c,
                                        IntegrationCredentials app, Clock clock) {
        JsonNode ph = provider.proxyHeaders();
        if (!ph.isObject()) {
            return;
        }
        List<String> templates = new ArrayList<>();
        ph.forEach(v -> templates.add(v.isValueNode() ? v.asText() : ""));
        ObjectNode base = requestReplacers(req);
        Templates.addStableReplacers(base, templates, clock);
        for (Map.Entry<String, JsonNode> e : ph.properties()) {
            String template = e.getValue().isValueNode() ? e.getValue().asText() : "";
            String key = e.getKey();
            if (template.contains("connectionConfig")) {
                ObjectNode r = Json.object();
                r.set("connectionConfig", c.connectionConfig());
                r.set("credentials", c.credentials());
                r.setAll(c.credentials());
                r.put("method", req.method());
                r.setAll(base);
                String value = Templates.interpolateIfNeeded(template, r, clock);
                if (!value.isEmpty() && !hasUnresolved(template, value)) {
                    headers.put(key, value);
                }
            } else {
                headers.put(key, Templates.interpolateIfNeeded(template, replacersFor(c, app, req, base), clock));
            }
        }
    }

    private static boolean hasUnresolved(String template, String value) {
        Matcher m = ANY_PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (value.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode replacersFor(Connection c, IntegrationCredentials app, Request req, ObjectNode base) {
        ObjectNode r = Json.object();
        ObjectNode creds = c.credentials();
        String type = c.credentialsType() == null ? "NONE" : c.credentialsType();
        switch (type) {
            case "OAUTH2" -> {
                r.set("accessToken", creds.get("access_token"));
                r.put("clientId", app.clientId() == null ? "" : app.clientId());
                r.put("clientSecret", app.clientSecret() == null ? "" : app.clientSecret());
            }
            case "JWT", "OAUTH2_CC", "SIGNATURE" -> r.put("accessToken", tokenOrEmpty(creds));
            case "TWO_STEP" -> {
                r.put("accessToken", tokenOrEmpty(creds));
                r.set("credentials", creds);
                r.setAll(base);
            }
            default -> {
                r.set("credentials", creds);
                r.setAll(creds);
                r.put("method", req.method());
                r.setAll(base);
            }
        }
        return r;
    }

    private static String tokenOrEmpty(JsonNode creds) {
        return JsValues.truthy(creds.get("token")) ? JsValues.string(creds.get("token")) : "";
    }

    /** The request-derived replacers: endpoint, host, path, canonical params, content type. */
    private static ObjectNode requestReplacers(Request req) {
        ObjectNode r = Json.object();
        String query = req.url().query == null ? "" : req.url().query;
        String contentType = req.scriptHeaders().getOrDefault("content-type", "");
        r.put("endpoint", req.endpoint());
        r.put("host", req.url().host + (req.url().port == null ? "" : ":" + req.url().port));
        r.put("path", req.url().path);
        r.put("params", canonicalParams(req.method(), req.data(), query));
        r.put("urlCanonicalParams", canonicalParams("GET", null, query));
        r.put("bodyCanonicalParams", rawBody(req.method(), req.data()));
        r.put("contentType", contentType);
        return r;
    }

    /** Duo-style canonical parameters: sorted, RFC 3986 encoded, from the body for POST/PUT/PATCH else the query. */
    static String canonicalParams(String method, JsonNode data, String query) {
        if (List.of("POST", "PUT", "PATCH").contains(method)) {
            if (!JsValues.truthy(data)) {
                return "";
            }
            if (data.isTextual()) {
                String s = data.textValue();
                return fromQueryString(s.startsWith("?") ? s.substring(1) : s);
            }
            if (!data.isContainerNode()) {
                return "";
            }
            List<String[]> pairs = new ArrayList<>();
            if (data.isObject()) {
                data.properties().forEach(e -> pairs.add(new String[] {e.getKey(), JsValues.string(e.getValue())}));
            } else {
                for (int i = 0; i < data.size(); i++) {
                    pairs.add(new String[] {String.valueOf(i), JsValues.string(data.get(i))});
                }
            }
            return joinSorted(pairs);
        }
        return query.isEmpty() ? "" : fromQueryString(query);
    }

    private static String fromQueryString(String qs) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int i = pair.indexOf('=');
            String k = i < 0 ? pair : pair.substring(0, i);
            String v = i < 0 ? "" : pair.substring(i + 1);
            pairs.add(new String[] {WhatwgUrl.percentDecode(k.replace("+", "%20")), WhatwgUrl.percentDecode(v.replace("+", "%20"))});
        }
        return joinSorted(pairs);
    }

    private static String joinSorted(List<String[]> pairs) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        pairs.sort((a, b) -> collator.compare(a[0], b[0]));
        List<String> out = new ArrayList<>();
        for (String[] p : pairs) {
            out.add(rfc3986(p[0]) + "=" + rfc3986(p[1]));
        }
        return String.join("&", out);
    }

    /** {@code encodeURIComponent} plus {@code !'()*}, upper-case hex. */
    private static String rfc3986(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String rawBody(String method, JsonNode data) {
        if (!List.of("POST", "PUT", "PATCH").contains(method) || !JsValues.truthy(data)) {
            return "";
        }
        if (data.isTextual()) {
            return data.textValue().startsWith("?") ? data.textValue().substring(1) : data.textValue();
        }
        return data.isContainerNode() ? RequestBody.jsonStringify(data) : "";
    }

    /** Node refuses CR/LF in header names and values; so do we, before anything is sent. */
    private static void validate(String name, String value) {
        if (!TOKEN.matcher(name).matches()) {
            throw new NangoException("invalid_header", "Invalid header name: header names must be HTTP tokens (no spaces, CR or LF).");
        }
        if (value.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
            throw new NangoException("invalid_header", "Invalid character in header content [\"" + name + "\"]");
        }
    }
}
