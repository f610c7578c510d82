package io.schedsim.model.history;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import java.util.Arrays;

/**
 * Events due at a later time than they are known, in time order (ties in the order given), each
 * with a token to withdraw it. There are few at once (one health-check reply per node), so a
 * sorted array with insertion is enough.
 */
final class LaterEvents {
    private HistoryEvent[] events = new HistoryEvent[8];
    private long[] tokens = new long[8];
    private int size;
    private long nextToken;

    long add(HistoryEvent event) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        int at = size;
        while (at > 0 && events[at - 1].atNanos() > event.atNanos()) {
            events[at] = events[at - 1];
            tokens[at] = tokens[at - 1];
            at--;
        }
        events[at] = event;
        tokens[at] = ++nextToken;
        size++;
        return nextToken;
    }

    void cancel(long token) {
        for (int i = 0; i < size; i++) {
            if (tokens[i] == token) {
                remove(i);
                return;
            }
        }
    }

    /** Writes, in order, every event due at or before {@code nowNanos}. */
    void writeDue(long nowNanos, HistorySink sink) {
        int due = 0;
        while (due < size && events[due].atNanos() <= nowNanos) {
            sink.record(events[due]);
            due++;
        }
        if (due > 0) {
            System.arraycopy(events, due, events, 0, size - due);
            System.arraycopy(tokens, due, tokens, 0, size - due);
            Arrays.fill(events, size - due, size, null);
            size -= due;
        }
    }

    void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    private void remove(int i) {
        System.arraycopy(events, i + 1, events, i, size - i - 1);
        System.arraycopy(tokens, i + 1, tokens, i, size - i - 1);
        events[--size] = null;
    }
}
