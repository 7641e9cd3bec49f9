package dev.nangojvm.bindings.proxy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.ProxyNetworkException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * One logical HTTP request: every hop checked by the {@link EgressGuard} and sent to the address
 * it pinned, redirects followed by hand the way Node's {@code follow-redirects} does (method and
 * body rules, credentials dropped when leaving the host unless headers are forwarded).
 */
final class HttpExchange {

    /** The raw final response. */
    record Outcome(int status, String statusText, Map<String, List<String>> headers, byte[] body, String url) {
    }

    /** What to send; {@code body} may be null. */
    record Request(String method, WhatwgUrl url, Map<String, String> headers, RequestBody.Encoded body,
                   boolean forwardHeadersOnRedirect, String context) {
    }

    private static final RequestConfig NO_CLIENT_REDIRECTS = RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setAuthenticationEnabled(false)
            .build();

    private final HttpClient client;
    private final EgressGuard guard;

    HttpExchange(HttpClient client, EgressGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    Outcome execute(Request request) {
        String method = request.method();
        WhatwgUrl url = request.url();
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        RequestBody.Encoded body = request.body();
        for (int redirects = 0; ; redirects++) {
            EgressGuard.Target target = guard.check(url, request.context());
            Outcome outcome = send(method, url, headers, body, target);
            String location = ResponseData.first(outcome.headers(), "location");
            int max = guard.rules().maxRedirects();
            if (max == 0 || location == null || !isRedirect(outcome.status())) {
                return outcome;
            }
            if (redirects >= max) {
                throw new ProxyNetworkException("ERR_FR_TOO_MANY_REDIRECTS", "Maximum number of redirects exceeded", null);
            }
            WhatwgUrl next = url.resolve(location);
            if (next == null) {
                throw new ProxyNetworkException("ERR_FR_REDIRECTION_FAILURE", "Redirected request failed: invalid Location", null);
            }
            if (switchesToGet(outcome.status(), method)) {
                method = "GET";
                body = null;
                headers.keySet().removeIf(k -> k.startsWith("content-"));
            }
            if (request.forwardHeadersOnRedirect()) {
                headers.putAll(request.headers());
            } else if (leavesOrigin(url, next)) {
                headers.keySet().removeIf(k -> k.equals("authorization") || k.equals("cookie") || k.equals("proxy-authorization"));
            }
            url = next;
        }
    }

    private Outcome send(String method, WhatwgUrl url, Map<String, String> headers, RequestBody.Encoded body, EgressGuard.Target target) {
        // A default port stays implicit so the Host header reads like Node's ("api.example.com", not ":443").
        HttpHost host = new HttpHost(target.scheme(), target.address(), target.host(), url.port == null ? -1 : url.port);
        BasicClassicHttpRequest req = new BasicClassicHttpRequest(method, host, url.requestTarget());
        headers.forEach(req::addHeader);
        if (body != null) {
            req.setEntity(new ByteArrayEntity(body.bytes(), null));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(NO_CLIENT_REDIRECTS);
        try (ClassicHttpResponse response = client.executeOpen(host, req, context)) {
            byte[] bytes = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            return new Outcome(response.getCode(), response.getReasonPhrase() == null ? "" : response.getReasonPhrase(),
                    ResponseData.headers(response.getHeaders()), bytes, url.toString());
        } catch (IOException e) {
            throw NodeErrors.from(e, target);
        } catch (IllegalArgumentException e) {
            throw new NangoException("ERR_INVALID_URL", "Invalid URL", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    // follow-redirects: 301/302 turn POST into GET, 303 turns anything but GET/HEAD into GET.
    private static boolean switchesToGet(int status, String method) {
        return ((status == 301 || status == 302) && method.equals("POST"))
                || (status == 303 && !method.equals("GET") && !method.equals("HEAD"));
    }

    // follow-redirects keeps credentials on the same host or a subdomain of it, and not on an https -> http downgrade.
    private static boolean leavesOrigin(WhatwgUrl from, WhatwgUrl to) {
        String fromHost = from.host + (from.port == null ? "" : ":" + from.port);
        String toHost = to.host + (to.port == null ? "" : ":" + to.port);
        boolean downgrade = !to.scheme.equals(from.scheme) && !to.scheme.equals("https");
        boolean subdomain = toHost.toLowerCase(Locale.ROOT).endsWith("." + fromHost.toLowerCase(Locale.ROOT));
        return downgrade || (!toHost.equals(fromHost) && !subdomain);
    }
}
