package io.schedsim.cli.determinism;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.cli.output.Json;
import io.schedsim.core.trace.Divergence;
import io.schedsim.core.trace.TraceEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares two JSONL traces (as written by JsonlTraceSink) line by line, streaming. */
final class TraceFiles {
    private TraceFiles() {}

    /** The first event at which the traces differ, or null when they are equal. */
    static Divergence firstDivergence(Path first, Path second) throws IOException {
        try (BufferedReader a = Files.newBufferedReader(first, StandardCharsets.UTF_8);
                BufferedReader b = Files.newBufferedReader(second, StandardCharsets.UTF_8)) {
            for (long index = 0; ; index++) {
                JsonNode lineA = next(a, first);
                JsonNode lineB = next(b, second);
                if (lineA == null && lineB == null) {
                    return null;
                }
                if (lineA == null || lineB == null || !lineA.equals(lineB)) {
                    return new Divergence(index, event(lineA), event(lineB));
                }
            }
        }
    }

    /** The next non-blank line as JSON, or null at the end of the file. */
    private static JsonNode next(BufferedReader reader, Path file) throws IOException {
        String line = reader.readLine();
        while (line != null && line.isBlank()) {
            line = reader.readLine();
        }
        if (line == null) {
            return null;
        }
        JsonNode node = Json.mapper().readTree(line);
        if (!node.isObject()) {
            throw new IllegalStateException("trace " + file + ": not a JSON object: " + line);
        }
        return node;
    }

    private static TraceEvent event(JsonNode line) {
        if (line == null) {
            return null;
        }
        String hash = line.path("hash").asText("0");
        return new TraceEvent(line.path("i").asLong(), line.path("tNanos").asLong(),
                line.path("kind").asText(), line.path("entity").asInt(),
                line.path("payload").asLong(), Long.parseUnsignedLong(hash, 16));
    }
}
