package io.schedsim.core.trace;

/** Receives every dispatched event, after it was folded into the hash chain. Optional. */
public interface TraceSink {
    void onEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
            long hashAfter);

    /** Called once when the run ends; flushes and closes resources. */
    default void finish() {}
}
