package io.schedsim.history.jsonl;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Splits a character stream into lines on {@code \n} (a trailing {@code \r} is dropped), counts
 * them from 1, and refuses a line longer than its limit before holding it in memory. A final
 * newline ends the last line; it does not start an empty one.
 */
final class LineSource implements AutoCloseable {
    private final Reader in;
    private final int lineCharsMax;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder(256);
    private int bufferEnd;
    private int bufferPosition;
    private long lineNumber;
    private boolean eof;

    LineSource(Reader in, int lineCharsMax) {
        this.in = in;
        this.lineCharsMax = lineCharsMax;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String next() {
        if (eof) {
            return null;
        }
        line.setLength(0);
        lineNumber++;
        while (true) {
            if (bufferPosition == bufferEnd && !fill()) {
                eof = true;
                return line.length() == 0 ? null : strip();
            }
            char c = buffer[bufferPosition++];
            if (c == '\n') {
                return strip();
            }
            if (line.length() == lineCharsMax) {
                throw new HistoryFormatException(lineNumber, "line longer than " + lineCharsMax
                        + " characters");
            }
            line.append(c);
        }
    }

    private String strip() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        return line.toString();
    }

    private boolean fill() {
        try {
            int read = in.read(buffer, 0, buffer.length);
            while (read == 0) {
                read = in.read(buffer, 0, buffer.length);
            }
            bufferPosition = 0;
            bufferEnd = Math.max(read, 0);
            return read > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of the line last returned (1-based). */
    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
