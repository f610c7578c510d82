package io.schedsim.history.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with one line that names the line and the field. Each row is a second
 * line appended to a valid header; the expected fragment must appear in the message.
 */
class StrictReadingTest {
    static final String HEADER = "{\"seq\":0,\"type\":\"run-started\",\"atNanos\":5,"
            + "\"format\":\"schedsim-history/1\",\"scenario\":\"s\",\"seed\":1,\"variant\":\"\","
            + "\"detector\":\"NOMAD_TTL\"}";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"seq\":1,\"type\":\"heartbeat-snt\",\"atNanos\":5,\"node\":1}"
                + "| line 2: unknown type 'heartbeat-snt'",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5}"
                + "| line 2: missing field 'node' in heartbeat-sent",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1,\"extra\":2}"
                + "| line 2: unknown field 'extra' in heartbeat-sent",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":\"1\"}"
                + "| line 2: field 'node' of heartbeat-sent: expected an int, got \"1\"",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1.5}"
                + "| line 2: field 'node' of heartbeat-sent: expected an int",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":4294967296}"
                + "| expected an int (value out of range)",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":99999999999999999999,\"node\":1}"
                + "| field 'atNanos' of heartbeat-sent: expected a long integer (value out of range)",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":4,\"node\":1}"
                + "| line 2: field 'atNanos' goes back in time: 4 after 5",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":-5,\"node\":1}"
                + "| line 2: heartbeat-sent: atNanos out of range",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":-3}"
                + "| line 2: heartbeat-sent: node must be an id >= 0",
        "{\"seq\":7,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1}"
                + "| line 2: field 'seq' is 7, expected 1",
        "{\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1}| line 2: missing field 'seq'",
        "{\"seq\":1,\"atNanos\":5,\"node\":1}| line 2: missing field 'type'",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1| line 2: malformed JSON",
        "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1} x| line 2: malformed JSON",
        "{\"seq\":1,\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1}"
                + "| line 2: malformed JSON: Duplicate field 'seq'",
        "[1,2]| line 2: expected one JSON object, got [1,2]",
        "{\"seq\":1,\"type\":\"node-status-changed\",\"atNanos\":5,\"node\":1,"
                + "\"status\":\"dead\",\"reason\":\"\"}"
                + "| field 'status' of node-status-changed: expected one of the names "
                + "INITIALIZING|READY|DOWN|DISCONNECTED, got \"dead\"",
        "{\"seq\":1,\"type\":\"partition-changed\",\"atNanos\":5,\"node\":1,"
                + "\"toServerBlocked\":1,\"fromServerBlocked\":false}"
                + "| field 'toServerBlocked' of partition-changed: expected true or false, got 1",
        "{\"seq\":1,\"type\":\"run-started\",\"atNanos\":5,\"format\":\"schedsim-history/1\","
                + "\"scenario\":\"s\",\"seed\":1,\"variant\":\"\",\"detector\":\"NOMAD_TTL\"}"
                + "| line 2: run-started may only be the first event",
    })
    void badSecondLineIsNamed(String line, String expected) {
        String message = failure(HEADER + "\n" + line + "\n");
        assertTrue(message.contains(expected.strip()), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("Source"), "the parser's input is not named: " + message);
    }

    @Test
    void theHeaderMustComeFirstAndCarryAKnownFormat() {
        assertEquals("line 1: the first event must be run-started, not heartbeat-sent",
                failure("{\"seq\":0,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":1}"));
        assertTrue(failure(HEADER.replace("history/1", "history/9"))
                .startsWith("line 1: run-started: format must be \"schedsim-history/1\""));
        assertEquals("line 1: empty history: the first event must be run-started", failure(""));
    }

    @Test
    void emptyLinesAndEventsAfterTheEndAreRefused() {
        assertEquals("line 2: empty line", failure(HEADER + "\n\n"));
        String end = "{\"seq\":1,\"type\":\"run-ended\",\"atNanos\":9,\"stopReason\":\"TIME_LIMIT\"}";
        String after = "{\"seq\":2,\"type\":\"heartbeat-sent\",\"atNanos\":9,\"node\":1}";
        assertEquals("line 3: event after run-ended", failure(HEADER + "\n" + end + "\n" + after));
    }

    @Test
    void deepNestingIsRefusedInOneLine() {
        String deep = "[".repeat(2000) + "1" + "]".repeat(2000);
        String message = failure(HEADER + "\n" + deep);
        assertTrue(message.startsWith("line 2: nesting too deep"), message);
        String nested = "{\"seq\":1,\"type\":\"heartbeat-sent\",\"atNanos\":5,\"node\":{\"a\":1}}";
        assertTrue(failure(HEADER + "\n" + nested).contains("expected an int, got {\"a\":1}"));
    }

    @Test
    void overlongLinesAreRefusedUnread() {
        String message = failure(HEADER + "\n\"" + "x".repeat(HistoryReader.LINE_CHARS_MAX));
        assertEquals("line 2: line longer than " + HistoryReader.LINE_CHARS_MAX + " characters",
                message);
    }

    @Test
    void aFinalNewlineIsOptional() {
        assertEquals(1, HistoryReader.readAll(new StringReader(HEADER)).size());
        assertEquals(1, HistoryReader.readAll(new StringReader(HEADER + "\n")).size());
    }

    static String failure(String text) {
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> HistoryReader.readAll(new StringReader(text)));
        return e.getMessage();
    }
}
