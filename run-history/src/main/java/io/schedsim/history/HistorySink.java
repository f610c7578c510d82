package io.schedsim.history;

/**
 * The port through which a run publishes its observable history: the model calls
 * {@link #record} once per observable change, in the order the changes happen, on the
 * simulation thread. Implementations are the JSONL writer, an in-memory list and the monitor.
 *
 * <p>Contract: {@link #record} must not block, must not throw for a well-formed event, and must
 * not call back into the run; {@link #close} is called once, after the last event (a
 * {@link RunEnded}). A producer with {@link #NONE} should skip building events altogether.
 */
public interface HistorySink extends AutoCloseable {
    /** A sink that drops everything; producers test for it to skip building events. */
    HistorySink NONE = event -> { };

    /** Consumes the next event of the history. */
    void record(HistoryEvent event);

    /**
     * An event happened here that was not built, because this sink said it reads nothing of its
     * type (a producer may leave such types out for a sink that reads none of them). A sink that
     * numbers events counts its place, so that the numbers match the full history's.
     */
    default void skipped() {}

    /** Called once after the last event; flushes what the sink buffers. */
    @Override
    default void close() {}

    /** Both sinks, {@code first} before {@code second}, for every event and at close. */
    static HistorySink both(HistorySink first, HistorySink second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new HistorySink() {
            @Override
            public void record(HistoryEvent event) {
                first.record(event);
                second.record(event);
            }

            @Override
            public void skipped() {
                first.skipped();
                second.skipped();
            }

            @Override
            public void close() {
                first.close();
                second.close();
            }
        };
    }
}
