package io.schedsim.cli.jshell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written by a notebook (UTF-8, through {@code System.out}) passed on as text to one of
 * the CLI's writers, so tests can capture them. Flushes at every line end and on flush, never in
 * the middle of a multi-byte character.
 */
final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            write(bytes[offset + i]);
        }
    }

    @Override
    public synchronized void flush() {
        byte[] bytes = pending.toByteArray();
        int complete = completeLength(bytes);
        writer.write(new String(bytes, 0, complete, StandardCharsets.UTF_8));
        writer.flush();
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
    }

    /** The length of the longest prefix that ends on a character boundary. */
    static int completeLength(byte[] bytes) {
        int start = bytes.length;
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            start = needed > back ? bytes.length - back : bytes.length;
            return start;
        }
        return start;
    }
}
