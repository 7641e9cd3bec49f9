package dev.nangojvm.host.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Collects what the engine itself prints, up to a cap, so that no script can fill the heap through it. */
final class BoundedOutput extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int cap;

    BoundedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public void write(int b) {
        if (buffer.size() < cap) buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        buffer.write(b, off, Math.max(0, Math.min(len, cap - buffer.size())));
    }

    @Override
    public String toString() {
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
