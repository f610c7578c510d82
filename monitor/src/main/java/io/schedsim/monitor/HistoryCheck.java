package io.schedsim.monitor;

import io.schedsim.history.jsonl.HistoryFormatException;
import io.schedsim.history.jsonl.HistoryReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code schedsim check FILE.jsonl}: streams a JSONL history through a fresh {@link Monitor}.
 * Bad input (unreadable file, malformed line, unknown type or field, wrong type, time going
 * back) throws before any verdict: an {@link IOException} or a one-line
 * {@link HistoryFormatException}; the CLI maps them to exit 2, a clean report to 0 and a
 * violation to 1 ({@link #exitCode}).
 */
public final class HistoryCheck {
    private HistoryCheck() {}

    /** Judges the history in {@code file}. */
    public static MonitorReport check(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return check(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Judges the history read from {@code in}; the caller closes it. */
    public static MonitorReport check(Reader in) {
        Monitor monitor = new Monitor();
        HistoryReader.copy(in, monitor);
        return monitor.finish();
    }

    /** CLI.md's exit code for a report: 0 clean, 1 a violation. */
    public static int exitCode(MonitorReport report) {
        return report.clean() ? 0 : 1;
    }
}
