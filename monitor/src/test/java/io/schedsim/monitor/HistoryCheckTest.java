package io.schedsim.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.jsonl.HistoryFormatException;
import io.schedsim.history.jsonl.HistoryWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedsim check}: a JSONL file in, the same report as online, exit 0, 1 or bad input. */
class HistoryCheckTest {
    @Test
    void aFileGivesTheSameReportAsOnline(@TempDir Path dir) throws IOException {
        List<HistoryEvent> clean = HistoryBuilder.nomad().node(1).node(2).at(60).end().events();
        Path file = dir.resolve("clean.jsonl");
        HistoryWriter.writeFile(file, clean);
        MonitorReport report = HistoryCheck.check(file);
        assertEquals(Monitor.check(clean), report);
        assertEquals(0, HistoryCheck.exitCode(report));
        List<HistoryEvent> bad = MonitorTest.NomadFlowsForApi.placedWithBadPlacement().events();
        Path violating = dir.resolve("bad.jsonl");
        HistoryWriter.writeFile(violating, bad);
        MonitorReport flagged = HistoryCheck.check(violating);
        assertEquals(1, HistoryCheck.exitCode(flagged));
        assertEquals(Invariant.PLACEMENT_GATE, flagged.violations().get(0).invariant());
    }

    @Test
    void badInputThrowsBeforeAnyVerdict(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"seq\":0,\"type\":\"run-started\"}\n");
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> HistoryCheck.check(file));
        assertEquals(1, e.lineNumber());
        assertThrows(IOException.class, () -> HistoryCheck.check(dir.resolve("missing.jsonl")));
        assertThrows(HistoryFormatException.class, () -> HistoryCheck.check(new StringReader("")));
    }
}
