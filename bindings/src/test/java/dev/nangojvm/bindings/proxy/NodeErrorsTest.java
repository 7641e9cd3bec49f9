package dev.nangojvm.bindings.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Java I/O failures as Node error codes")
class NodeErrorsTest {

    private static final EgressGuard.Target TARGET;

    static {
        try {
            TARGET = new EgressGuard.Target("https", "api.example.com", 443, InetAddress.getByAddress("api.example.com", new byte[] {93, (byte) 184, (byte) 216, 34}));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String code(IOException e) {
        return NodeErrors.from(e, TARGET).code();
    }

    @Test
    void mapsEachFailureToTheNodeCodeNangoRetriesOn() {
        assertThat(code(new ConnectException("Connection refused"))).isEqualTo("ECONNREFUSED");
        assertThat(code(new ConnectTimeoutException("Connect timed out"))).isEqualTo("ETIMEDOUT");
        assertThat(code(new SocketTimeoutException("Read timed out"))).isEqualTo("ETIMEDOUT");
        assertThat(code(new SocketException("Connection reset"))).isEqualTo("ECONNRESET");
        assertThat(code(new NoHttpResponseException("no response"))).isEqualTo("ECONNRESET");
        assertThat(code(new NoRouteToHostException("no route"))).isEqualTo("EHOSTUNREACH");
        assertThat(code(new java.net.UnknownHostException("api.example.com"))).isEqualTo("ENOTFOUND");
    }

    @Test
    void messagesLookLikeNodesAndCarryNoPath() {
        assertThat(NodeErrors.from(new ConnectException("Connection refused"), TARGET).getMessage())
                .isEqualTo("connect ECONNREFUSED 93.184.216.34:443");
        assertThat(NodeErrors.from(new ConnectTimeoutException("x"), TARGET).getMessage()).isEqualTo("connect ETIMEDOUT 93.184.216.34:443");
    }
}
