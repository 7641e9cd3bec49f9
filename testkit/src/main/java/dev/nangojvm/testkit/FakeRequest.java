package dev.nangojvm.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a {@link FakeProviderServer} received it; also what its request log holds.
 *
 * @param method     upper-case HTTP method
 * @param path       decoded path, without the query ({@code /repos/nango-jvm/demo/pulls})
 * @param rawQuery   the query string as sent, without {@code ?}; empty when there is none
 * @param query      decoded query parameters in the order sent; repeated names keep every value
 * @param headers    header values by lower-case name
 * @param body       the body as UTF-8 text; empty when there is none
 * @param pathParams values of the route's {@code {name}} segments; empty in the request log
 *                   for requests that matched no route
 * @param baseUrl    the server's own base URL ({@code http://127.0.0.1:<port>}), for building links
 */
public record FakeRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        Map<String, String> pathParams,
        String baseUrl) {

    public FakeRequest {
        query = copy(query);
        headers = copy(headers);
        pathParams = Map.copyOf(pathParams);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        return query.getOrDefault(name, List.of()).stream().findFirst();
    }

    /** The first value of a header; the name is case-insensitive. */
    public Optional<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
    }

    /** The value of a {@code {name}} segment of the matched route. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter {" + name + "} in the route for " + path + "; known: " + pathParams.keySet());
        }
        return value;
    }

    /** The path followed by {@code ?query} when there is one, as it appeared on the request line. */
    public String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    FakeRequest withPathParams(Map<String, String> params) {
        return new FakeRequest(method, path, rawQuery, query, headers, body, params, baseUrl);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        var copy = new java.util.LinkedHashMap<String, List<String>>();
        map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
