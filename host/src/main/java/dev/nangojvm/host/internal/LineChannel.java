package dev.nangojvm.host.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Newline-delimited JSON between a host and a worker process. Lines are bounded on read, so a
 * misbehaving peer cannot make the reader buffer without limit. Writes are serialised.
 */
final class LineChannel {
    private final Reader in;
    private final Writer out;
    private final long maxLineChars;

    LineChannel(InputStream in, OutputStream out, long maxLineChars) {
        this.in = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.maxLineChars = maxLineChars;
    }

    /** Sends one message; Jackson escapes every newline inside strings, so a message is one line. */
    synchronized void send(ObjectNode message) throws IOException {
        out.write(message.toString());
        out.write('\n');
        out.flush();
    }

    /** The next message; {@link EOFException} when the peer is gone. */
    JsonNode receive() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("the peer closed the channel");
            if (c == '\n') break;
            if (line.length() >= maxLineChars) throw new IOException("a message is longer than " + maxLineChars + " characters");
            line.append((char) c);
        }
        return Bridge.JSON.readTree(line.toString());
    }

    void closeOutput() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the peer is gone already
        }
    }
}
