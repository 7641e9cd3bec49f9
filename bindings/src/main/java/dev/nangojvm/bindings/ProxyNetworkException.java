package dev.nangojvm.bindings;

/** The request never got a response: the script sees an AxiosError without {@code response} and with a Node error code ({@code ECONNREFUSED}, ...). */
public final class ProxyNetworkException extends NangoException {
    public ProxyNetworkException(String nodeCode, String message, Throwable cause) {
        super(nodeCode, message, cause);
    }
}
