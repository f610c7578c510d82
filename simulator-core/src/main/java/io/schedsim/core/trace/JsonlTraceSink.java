package io.schedsim.core.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes one JSON object per event and line: {@code {"i":0,"tNanos":0,"kind":"...","entity":0,
 * "payload":0,"hash":"16 hex digits"}}. The caller owns the stream's lifetime and its file.
 */
public final class JsonlTraceSink implements TraceSink {
    private final JsonGenerator json;

    public JsonlTraceSink(OutputStream out) {
        try {
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    @Override
    public void onEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
            long hashAfter) {
        try {
            json.writeStartObject();
            json.writeNumberField("i", eventIndex);
            json.writeNumberField("tNanos", timeNanos);
            json.writeStringField("kind", kind);
            json.writeNumberField("entity", entity);
            json.writeNumberField("payload", payload);
            json.writeStringField("hash", TraceHash.hex(hashAfter));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
