package io.schedsim.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HistorySink#both} fans out in order and skips {@link HistorySink#NONE}. */
class HistorySinkTest {
    @Test
    void bothDeliversToEachInOrderAndClosesEach() {
        List<String> seen = new ArrayList<>();
        HistorySink first = sink("first", seen);
        HistorySink second = sink("second", seen);
        HistorySink both = HistorySink.both(first, second);
        both.record(new HeartbeatSent(5, 1));
        both.close();
        assertEquals(List.of("first 5", "second 5", "first closed", "second closed"), seen);
    }

    @Test
    void noneIsSkipped() {
        HistorySink only = sink("x", new ArrayList<>());
        assertSame(only, HistorySink.both(HistorySink.NONE, only));
        assertSame(only, HistorySink.both(only, HistorySink.NONE));
    }

    private static HistorySink sink(String name, List<String> seen) {
        return new HistorySink() {
            @Override
            public void record(HistoryEvent event) {
                seen.add(name + " " + event.atNanos());
            }

            @Override
            public void close() {
                seen.add(name + " closed");
            }
        };
    }
}
