package io.schedsim.model.history;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import java.util.Arrays;

/**
 * Events due at a later time than they are known, in time order (ties in the order given), each
 * with a token to withdraw it. There are few at once (one health-check reply per node) and they
 * mostly come due in the order given, so they sit sorted in an array from {@code head}: writing
 * the due ones only moves {@code head}, and their times sit in a column of their own, so the
 * check made for every recorded event reads one long.
 */
final class LaterEvents {
    private HistoryEvent[] events = new HistoryEvent[16];
    private long[] dueNanos = new long[16];
    private long[] tokens = new long[16];
    private int head;
    private int end;
    private long nextToken;

    long add(HistoryEvent event) {
        if (end == events.length) {
            makeRoom();
        }
        long due = event.atNanos();
        int at = end;
        while (at > head && dueNanos[at - 1] > due) {
            events[at] = events[at - 1];
            dueNanos[at] = dueNanos[at - 1];
            tokens[at] = tokens[at - 1];
            at--;
        }
        events[at] = event;
        dueNanos[at] = due;
        tokens[at] = ++nextToken;
        end++;
        return nextToken;
    }

    void cancel(long token) {
        for (int i = head; i < end; i++) {
            if (tokens[i] == token) {
                System.arraycopy(events, i + 1, events, i, end - i - 1);
                System.arraycopy(dueNanos, i + 1, dueNanos, i, end - i - 1);
                System.arraycopy(tokens, i + 1, tokens, i, end - i - 1);
                events[--end] = null;
                return;
            }
        }
    }

    /** Writes, in order, every event due at or before {@code nowNanos}. */
    void writeDue(long nowNanos, HistorySink sink) {
        while (head < end && dueNanos[head] <= nowNanos) {
            HistoryEvent event = events[head];
            events[head++] = null;
            sink.record(event);
        }
        if (head == end) {
            head = 0;
            end = 0;
        }
    }

    void clear() {
        Arrays.fill(events, head, end, null);
        head = 0;
        end = 0;
    }

    /** Moves the pending events to the front, growing the columns if they are full. */
    private void makeRoom() {
        int size = end - head;
        int capacity = size * 2 > events.length ? events.length * 2 : events.length;
        HistoryEvent[] movedEvents = new HistoryEvent[capacity];
        long[] movedDue = new long[capacity];
        long[] movedTokens = new long[capacity];
        System.arraycopy(events, head, movedEvents, 0, size);
        System.arraycopy(dueNanos, head, movedDue, 0, size);
        System.arraycopy(tokens, head, movedTokens, 0, size);
        events = movedEvents;
        dueNanos = movedDue;
        tokens = movedTokens;
        head = 0;
        end = size;
    }
}
