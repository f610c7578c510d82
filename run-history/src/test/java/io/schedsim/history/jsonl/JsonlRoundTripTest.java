package io.schedsim.history.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading gives back equal events, through a string and through a file. */
class JsonlRoundTripTest {
    @Test
    void everyEventTypeSurvivesARoundTrip() {
        List<HistoryEvent> events = Samples.oneOfEach();
        String text = write(events);
        assertEquals(events, HistoryReader.readAll(new StringReader(text)));
    }

    @Test
    void linesHaveSeqTypeAndAtNanosFirst() {
        String[] lines = write(Samples.oneOfEach()).split("\n");
        assertEquals(Samples.oneOfEach().size(), lines.length);
        assertTrue(lines[0].startsWith("{\"seq\":0,\"type\":\"run-started\",\"atNanos\":0,"
                + "\"format\":\"schedsim-history/1\""), lines[0]);
        assertTrue(lines[37].startsWith("{\"seq\":37,\"type\":\"alloc-placed\",\"atNanos\":23,"),
                lines[37]);
    }

    @Test
    void aFileRoundTripsAndCrLfIsAccepted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("h.jsonl");
        HistoryWriter.writeFile(file, Samples.oneOfEach());
        assertEquals(Samples.oneOfEach(), HistoryReader.readFile(file));
        String crlf = Files.readString(file).replace("\n", "\r\n");
        assertEquals(Samples.oneOfEach(), HistoryReader.readAll(new StringReader(crlf)));
    }

    @Test
    void copyStreamsIntoASink() {
        List<HistoryEvent> seen = new java.util.ArrayList<>();
        long count = HistoryReader.copy(new StringReader(write(Samples.oneOfEach())), seen::add);
        assertEquals(Samples.oneOfEach().size(), count);
        assertEquals(Samples.oneOfEach(), seen);
    }

    static String write(List<HistoryEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryWriter writer = new HistoryWriter(out);
        events.forEach(writer::record);
        writer.close();
        assertEquals(events.size(), writer.count());
        return out.toString(StandardCharsets.UTF_8);
    }
}
