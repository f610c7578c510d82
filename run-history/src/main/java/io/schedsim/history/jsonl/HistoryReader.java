package io.schedsim.history.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStarted;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSONL history strictly, one event per {@link #next} call. Every line must be one flat
 * JSON object with exactly the fields of its type: {@code seq} equal to its position (from 0),
 * a known {@code type}, {@code atNanos} never below the previous line's, values of the declared
 * JSON types and ranges. The first event is a {@code run-started} of a known format, and nothing
 * follows a {@code run-ended}. Any problem is a {@link HistoryFormatException} naming the line
 * and the field; no stack trace is needed to understand it.
 */
public final class HistoryReader implements AutoCloseable {
    /** Events are flat; anything nested deeper than this is refused before it is parsed. */
    static final int NESTING_DEPTH_MAX = 8;
    /** A line longer than this is refused unread (a real event is a few hundred bytes). */
    static final int LINE_CHARS_MAX = 1 << 20;

    private static final ObjectMapper MAPPER = mapper();

    private final LineSource lines;
    private final EventDecoder decoder = new EventDecoder();
    private long position;
    private long previousAtNanos;
    private boolean ended;

    public HistoryReader(Reader in) {
        this.lines = new LineSource(in, LINE_CHARS_MAX);
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(NESTING_DEPTH_MAX).build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    /** Reads every event of {@code file}; see the class comment for what is refused. */
    public static List<HistoryEvent> readFile(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readAll(in);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads every event from {@code in}. */
    public static List<HistoryEvent> readAll(Reader in) {
        List<HistoryEvent> events = new ArrayList<>();
        HistoryReader reader = new HistoryReader(in);
        for (HistoryEvent event = reader.next(); event != null; event = reader.next()) {
            events.add(event);
        }
        return events;
    }

    /** Streams every event from {@code in} into {@code sink}; returns the number of events. */
    public static long copy(Reader in, HistorySink sink) {
        HistoryReader reader = new HistoryReader(in);
        long count = 0;
        for (HistoryEvent event = reader.next(); event != null; event = reader.next()) {
            sink.record(event);
            count++;
        }
        return count;
    }

    /** The next event, or null after the last line. */
    public HistoryEvent next() {
        String line = lines.next();
        long lineNumber = lines.lineNumber();
        if (line == null) {
            if (position == 0) {
                throw new HistoryFormatException(1, "empty history: the first event must be "
                        + EventType.RUN_STARTED.jsonName());
            }
            return null;
        }
        if (line.isEmpty()) {
            throw new HistoryFormatException(lineNumber, "empty line");
        }
        if (ended) {
            throw new HistoryFormatException(lineNumber, "event after "
                    + EventType.RUN_ENDED.jsonName());
        }
        HistoryEvent event = decoder.decode(lineNumber, parse(lineNumber, line), position);
        checkOrder(lineNumber, event);
        position++;
        previousAtNanos = event.atNanos();
        ended = event instanceof RunEnded;
        return event;
    }

    private static JsonNode parse(long lineNumber, String line) {
        try {
            return MAPPER.readTree(line);
        } catch (StreamConstraintsException e) {
            throw new HistoryFormatException(lineNumber, "nesting too deep (an event is one flat"
                    + " object; more than " + NESTING_DEPTH_MAX + " levels)");
        } catch (JsonProcessingException e) {
            throw new HistoryFormatException(lineNumber, "malformed JSON: "
                    + parserMessage(e.getOriginalMessage()));
        }
    }

    /**
     * The parser's own words, without what names its input: a message can point back at the
     * start of an object ("(start marker at [Source: ...])"), which on one line says nothing the
     * line number does not.
     */
    private static String parserMessage(String message) {
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        int marker = first.indexOf(" (start marker at");
        return marker < 0 ? first : first.substring(0, marker);
    }

    private void checkOrder(long lineNumber, HistoryEvent event) {
        boolean header = event instanceof RunStarted;
        if (position == 0 && !header) {
            throw new HistoryFormatException(lineNumber, "the first event must be "
                    + EventType.RUN_STARTED.jsonName() + ", not " + event.type().jsonName());
        }
        if (position > 0 && header) {
            throw new HistoryFormatException(lineNumber, EventType.RUN_STARTED.jsonName()
                    + " may only be the first event");
        }
        if (event.atNanos() < previousAtNanos) {
            throw new HistoryFormatException(lineNumber, "field 'atNanos' goes back in time: "
                    + event.atNanos() + " after " + previousAtNanos);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
