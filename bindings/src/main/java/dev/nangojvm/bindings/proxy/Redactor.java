package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Masks credential values (and the OAuth app's id and secret) in URLs and headers before they are logged. */
final class Redactor {

    static final String MASK = "REDACTED";

    private final Set<String> secrets = new LinkedHashSet<>();

    Redactor(Connection connection, IntegrationCredentials app) {
        if (connection != null) {
            for (JsonNode v : connection.credentials()) {
                if (v.isTextual() && v.textValue().length() >= 4) {
                    secrets.add(v.textValue());
                }
            }
            secrets.remove(connection.credentialsType());
        }
        if (app != null && app.clientSecret() != null) {
            secrets.add(app.clientSecret());
        }
        if (app != null && app.clientId() != null) {
            secrets.add(app.clientId());
        }
    }

    String text(String s) {
        String out = s;
        for (String secret : secrets) {
            out = out.replace(secret, MASK)
                    .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), MASK)
                    .replace(UrlSearchParams.encode(secret), MASK);
        }
        return out;
    }

    Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, k.equals("authorization") || k.equals("proxy-authorization") ? MASK : text(v)));
        return out;
    }
}
