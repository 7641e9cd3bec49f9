package dev.nangojvm.bindings;

/**
 * A provider answered with a non-2xx status after all retries: the script sees an AxiosError
 * ({@code isAxiosError}, {@code message 'Request failed with status code N'}, {@code response}).
 */
public final class ProxyHttpException extends NangoException {
    private final ProxyResponse response;
    private final String method;

    public ProxyHttpException(String method, ProxyResponse response) {
        super(response.status() >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST",
                "Request failed with status code " + response.status());
        this.response = response;
        this.method = method;
    }

    public ProxyResponse response() { return response; }
    public String method() { return method; }
}
