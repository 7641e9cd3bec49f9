package dev.nangojvm.bindings.proxy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The request body as axios 1.x would send it: objects as JSON ({@code content-type:
 * application/json} unless set), as a form when the script set {@code x-www-form-urlencoded},
 * as multipart when it set exactly {@code multipart/form-data}; strings verbatim; binary as is.
 * Provider {@code proxy.body} is merged first (Nango's {@code buildProxyBody}).
 */
final class RequestBody {

    static final List<String> METHODS_WITH_BODY = List.of("POST", "PUT", "PATCH", "DELETE");

    /** Bytes to send and the content type the encoding chose (null: leave the headers alone). */
    record Encoded(byte[] bytes, String contentType) {
    }

    private RequestBody() {
    }

    /** {@code data} with provider {@code proxy.body} merged over it (objects only; strings untouched). */
    static JsonNode withProviderBody(String method, JsonNode data, Provider provider, Connection c, Clock clock) {
        if (!METHODS_WITH_BODY.contains(method) || !provider.proxyBody().isObject()) {
            return data;
        }
        ObjectNode replacers = Json.object();
        replacers.set("connectionConfig", c.connectionConfig());
        replacers.set("credentials", c.credentials());
        replacers.setAll(c.credentials());
        JsonNode injected = build(provider.proxyBody(), replacers, clock);
        if (injected == null) {
            return data;
        }
        if (!JsValues.truthy(data)) {
            return injected;
        }
        if (data.isObject()) {
            ObjectNode merged = data.deepCopy();
            merged.setAll((ObjectNode) injected);
            return merged;
        }
        return data;
    }

    // Interpolates string leaves, dropping unresolved leaves, non-strings and objects left empty.
    private static JsonNode build(JsonNode value, JsonNode replacers, Clock clock) {
        if (value.isTextual()) {
            String s = Templates.interpolateIfNeeded(value.textValue(), replacers, clock);
            return s.contains("${") ? null : Json.MAPPER.getNodeFactory().textNode(s);
        }
        if (!value.isObject()) {
            return null;
        }
        ObjectNode out = Json.object();
        value.properties().forEach(e -> {
            JsonNode built = build(e.getValue(), replacers, clock);
            if (built != null) {
                out.set(e.getKey(), built);
            }
        });
        return out.isEmpty() ? null : out;
    }

    /** Encodes a truthy body; may set or replace {@code content-type} in {@code headers}. */
    static Encoded encode(JsonNode data, Map<String, String> headers) {
        String contentType = headers.getOrDefault("content-type", "");
        if (data.isBinary()) {
            return new Encoded(binary(data), null);
        }
        if (data.isContainerNode() && contentType.equals("multipart/form-data")) {
            return multipart(data);
        }
        if (data.isObject() && contentType.contains("application/x-www-form-urlencoded")) {
            return new Encoded(formEncode((ObjectNode) data).getBytes(StandardCharsets.UTF_8), null);
        }
        if (data.isContainerNode() || contentType.contains("application/json")) {
            return new Encoded(stringifySafely(data).getBytes(StandardCharsets.UTF_8), contentType.isEmpty() ? "application/json" : null);
        }
        return new Encoded(JsValues.string(data).getBytes(StandardCharsets.UTF_8), null);
    }

    // axios: a string that parses as JSON is sent trimmed, anything else JSON.stringify'd.
    private static String stringifySafely(JsonNode data) {
        if (data.isTextual()) {
            return Json.parseOrNull(data.textValue()) != null ? data.textValue().strip() : jsonStringify(data);
        }
        return jsonStringify(data);
    }

    private static byte[] binary(JsonNode data) {
        try {
            return data.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axios {@code toURLEncodedForm}: nested keys as {@code a[b]}, top-level arrays as {@code a[]}, nulls skipped. */
    static String formEncode(ObjectNode data) {
        UrlSearchParams form = new UrlSearchParams();
        data.properties().forEach(e -> formField(form, e.getKey(), e.getValue(), true));
        return form.toString();
    }

    private static void formField(UrlSearchParams form, String key, JsonNode value, boolean topLevel) {
        if (value == null || value.isNull()) {
            return;
        }
        if (topLevel && value.isArray() && isFlat(value)) {
            value.forEach(el -> {
                if (!el.isNull()) {
                    form.append(key + "[]", JsValues.string(el));
                }
            });
        } else if (value.isObject()) {
            value.properties().forEach(e -> formField(form, key + "[" + e.getKey() + "]", e.getValue(), false));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                formField(form, key + "[" + i + "]", value.get(i), false);
            }
        } else {
            form.append(key, JsValues.string(value));
        }
    }

    private static boolean isFlat(JsonNode array) {
        for (JsonNode el : array) {
            if (el.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    // Shaped like the npm form-data package: 26 dashes + 24 digits, parts with only a Content-Disposition.
    private static Encoded multipart(JsonNode data) {
        String boundary = "-".repeat(26) + String.format("%024d", new java.math.BigInteger(78, new java.security.SecureRandom()))
                .substring(0, 24);
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setBoundary(boundary);
        data.properties().forEach(e -> builder.addTextBody(e.getKey(),
                e.getValue().isContainerNode() ? jsonStringify(e.getValue()) : JsValues.string(e.getValue()),
                ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
        HttpEntity entity = builder.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            entity.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** {@code JSON.stringify}: like Jackson, but doubles printed the JavaScript way and NaN/Infinity as null. */
    static String jsonStringify(JsonNode node) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode el : node) {
                write(g, el);
            }
            g.writeEndArray();
        } else if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(JsValues.numberToString(d));
            }
        } else if (node.isBinary()) {
            g.writeString(java.util.Base64.getEncoder().encodeToString(node.binaryValue()));
        } else {
            g.writeTree(node);
        }
    }
}
