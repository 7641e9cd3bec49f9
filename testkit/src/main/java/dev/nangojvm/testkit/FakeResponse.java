package dev.nangojvm.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, headers and a UTF-8 body. Immutable; {@link #withHeader} returns a copy.
 *
 * @param status  HTTP status code
 * @param headers header values by name (one value per name)
 * @param body    body text; empty for no body
 */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    static final ObjectMapper JSON = new ObjectMapper();

    public FakeResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + status);
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A JSON response: {@code body} is serialised with Jackson ({@code JsonNode}, maps, lists, records...). */
    public static FakeResponse json(int status, Object body) {
        try {
            return new FakeResponse(status, Map.of("content-type", "application/json; charset=utf-8"), JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the fake response body " + body.getClass().getName(), e);
        }
    }

    /** A response without a body, e.g. 204. */
    public static FakeResponse empty(int status) {
        return new FakeResponse(status, Map.of(), "");
    }

    /** A copy with one more header (replacing a header of the same name). */
    public FakeResponse withHeader(String name, String value) {
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FakeResponse(status, copy, body);
    }
}
