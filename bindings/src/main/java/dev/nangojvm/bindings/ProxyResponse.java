package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An axios-shaped response: what {@code await nango.get(...)} resolves to.
 *
 * @param status     HTTP status
 * @param statusText reason phrase, may be empty
 * @param headers    lower-case names; {@code set-cookie} keeps every value
 * @param data       the body as the script sees it: parsed JSON when it parses, else a JSON string;
 *                   for {@code responseType: arraybuffer/stream} a binary node
 * @param url        the final URL after redirects
 */
public record ProxyResponse(int status, String statusText, Map<String, List<String>> headers, JsonNode data, String url) {
}
