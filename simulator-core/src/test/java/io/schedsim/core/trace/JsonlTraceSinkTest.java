package io.schedsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.schedsim.core.event.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every line the JSONL sink writes is one JSON object that agrees with the in-memory trace. */
class JsonlTraceSinkTest {
    // Quotes, a backslash, a control character and non-ASCII must survive escaping.
    private static final String AWKWARD_KIND = "say \"hi\"\\ \t né ✓";

    @Test
    void writesOneValidObjectPerEventAndLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonlTraceSink jsonl = new JsonlTraceSink(bytes);
        MemoryTraceSink memory = new MemoryTraceSink();
        Simulation simulation = new Simulation(5);
        simulation.setTraceSink((index, time, kind, entity, payload, hash) -> {
            jsonl.onEvent(index, time, kind, entity, payload, hash);
            memory.onEvent(index, time, kind, entity, payload, hash);
        });
        int plain = simulation.registerKind("plain", (entity, payload) -> {});
        int awkward = simulation.registerKind(AWKWARD_KIND, (entity, payload) -> {});
        simulation.schedule(5, plain, 1, Long.MIN_VALUE);
        simulation.schedule(7, awkward, -2, Long.MAX_VALUE);
        simulation.schedule(9, plain, Integer.MAX_VALUE, 0);
        simulation.runUntilQuiescent();
        jsonl.finish();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"), "the last line ends");
        String[] lines = text.split("\n", -1);
        assertEquals(memory.size() + 1, lines.length, "one line per event, then the final newline");
        assertEquals("", lines[lines.length - 1]);
        for (int i = 0; i < memory.size(); i++) {
            Map<String, Object> fields = parseObject(lines[i]);
            TraceEvent event = memory.get(i);
            assertEquals(List.of("i", "tNanos", "kind", "entity", "payload", "hash"),
                    new ArrayList<>(fields.keySet()));
            assertEquals((long) i, fields.get("i"));
            assertEquals(event.timeNanos(), fields.get("tNanos"));
            assertEquals(event.kind(), fields.get("kind"));
            assertEquals((long) event.entity(), fields.get("entity"));
            assertEquals(event.payload(), fields.get("payload"));
            assertEquals(TraceHash.hex(event.hashAfter()), fields.get("hash"));
        }
        assertEquals(AWKWARD_KIND, parseObject(lines[1]).get("kind"));
    }

    /** Parses a flat object of numbers and strings and checks nothing follows it on the line. */
    private static Map<String, Object> parseObject(String line) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken(), line);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else {
                    assertEquals(JsonToken.VALUE_NUMBER_INT, value, line);
                    fields.put(name, parser.getLongValue());
                }
            }
            assertEquals(JsonToken.END_OBJECT, parser.currentToken(), line);
            assertNull(parser.nextToken(), "one value per line: " + line);
        }
        return fields;
    }
}
