package io.schedsim.history.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a history as JSONL: one object per line, {@code {"seq":N,"type":"...","atNanos":...}}
 * then the record's fields in declaration order, enums by their constant names. {@code seq} is
 * the event's position, counted here. The caller owns the stream; {@link #close} only flushes.
 */
public final class HistoryWriter implements HistorySink {
    private final JsonGenerator json;
    private long seq;

    public HistoryWriter(OutputStream out) {
        try {
            // No separator between root values: each object starts its own line.
            json = new JsonFactory().setRootValueSeparator("")
                    .createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Writes {@code events} to {@code file}, replacing it. */
    public static void writeFile(Path file, Iterable<? extends HistoryEvent> events)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            HistoryWriter writer = new HistoryWriter(out);
            for (HistoryEvent event : events) {
                writer.record(event);
            }
            writer.close();
        }
    }

    @Override
    public void record(HistoryEvent event) {
        RecordCodec codec = RecordCodec.of(event.type());
        try {
            json.writeStartObject();
            json.writeNumberField("seq", seq++);
            json.writeStringField("type", codec.type.jsonName());
            for (int i = 0; i < codec.names.length; i++) {
                json.writeFieldName(codec.names[i]);
                writeValue(codec.kinds[i], codec.accessors[i].invoke(event));
            }
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a field of " + event, e);
        }
    }

    private void writeValue(FieldKind kind, Object value) throws IOException {
        switch (kind) {
            case INT:
                json.writeNumber((Integer) value);
                break;
            case LONG:
                json.writeNumber((Long) value);
                break;
            case DOUBLE:
                json.writeNumber((Double) value);
                break;
            case BOOLEAN:
                json.writeBoolean((Boolean) value);
                break;
            case STRING:
                json.writeString((String) value);
                break;
            case ENUM:
                json.writeString(((Enum<?>) value).name());
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /** Events written so far. */
    public long count() {
        return seq;
    }

    @Override
    public void close() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
