package io.schedsim.core.event;

/**
 * Decides the order of events due at the same instant. The queue orders by (time, tie key); the
 * strategy computes the tie key when an event is scheduled. FIFO (the default) uses the scheduling
 * sequence; seeded strategies permute same-time events so that the property search can explore
 * interleavings, and every choice they make comes from their own seeded stream.
 *
 * <p>Contract: {@link #tieKey} is called once per scheduled event, in scheduling order, and
 * {@link #onDispatch} once per dispatched event, in dispatch order; both run on the simulation
 * thread. Equal tie keys at equal times fall back to heap order, which is itself deterministic.
 */
public interface SameTimeOrder {
    /** Tie key of the event with scheduling sequence {@code sequence}; smaller runs first. */
    long tieKey(long sequence, int kind, int entity);

    /** Observes a dispatch; PCT uses it to apply its change points. */
    default void onDispatch(long eventIndex, int kind, int entity) {}

    /** True if {@link #onDispatch} does anything (lets the loop skip the call). */
    default boolean observesDispatch() {
        return false;
    }

    /** A one-line description used in reports and replay files. */
    String describe();

    /** Same-time events run in the order they were scheduled. */
    static SameTimeOrder fifo() {
        return FifoOrder.INSTANCE;
    }
}
