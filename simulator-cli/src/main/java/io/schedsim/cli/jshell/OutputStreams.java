package io.schedsim.cli.jshell;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Print streams over the CLI's writers, for code that wants a {@link PrintStream}. */
public final class OutputStreams {
    private OutputStreams() {}

    public static PrintStream of(PrintWriter writer) {
        return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
    }
}
