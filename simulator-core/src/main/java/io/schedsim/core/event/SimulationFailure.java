package io.schedsim.core.event;

import io.schedsim.core.time.SimTime;

/** A check that failed while an event was dispatched, with where and when it happened. */
public final class SimulationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long eventIndex;
    private final long timeNanos;
    private final String kind;

    public SimulationFailure(long eventIndex, long timeNanos, String kind, Throwable cause) {
        super("check failed: " + cause.getMessage() + " at event #" + eventIndex + " (" + kind
                + "), t=" + SimTime.format(timeNanos), cause);
        this.eventIndex = eventIndex;
        this.timeNanos = timeNanos;
        this.kind = kind;
    }

    public long eventIndex() {
        return eventIndex;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public String kind() {
        return kind;
    }
}
