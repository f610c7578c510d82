package io.schedsim.model.invariant;

import io.schedsim.core.time.SimTime;

/** A broken invariant: which one, at which event and simulated time, and what was seen. */
public record Violation(String invariant, long eventIndex, long timeNanos, String message) {
    @Override
    public String toString() {
        return invariant + " at event #" + eventIndex + ", t=" + SimTime.format(timeNanos) + ": "
                + message;
    }
}
