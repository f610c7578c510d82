package io.schedsim.cli.determinism;

import io.schedsim.core.time.SimTime;
import io.schedsim.core.trace.Divergence;
import io.schedsim.core.trace.TraceEvent;
import java.io.PrintWriter;

/**
 * The outcome of running one request twice: both final hashes and event counts, and the first
 * divergent event when the traces differ (null when they agree event by event).
 */
public record Comparison(String how, String hashFirst, long eventsFirst, String hashSecond,
        long eventsSecond, Divergence divergence) {

    public boolean deterministic() {
        return divergence == null && hashFirst.equals(hashSecond) && eventsFirst == eventsSecond;
    }

    /** Prints the verdict; on a mismatch, the index, time and both versions of the event. */
    public void print(PrintWriter out) {
        if (deterministic()) {
            out.printf("deterministic: %s over %d events (%s)%n", hashFirst, eventsFirst, how);
            return;
        }
        out.printf("not deterministic (%s): run 1 ended with hash %s after %d events, "
                + "run 2 with hash %s after %d events%n", how, hashFirst, eventsFirst, hashSecond,
                eventsSecond);
        if (divergence == null) {
            out.println("the recorded traces agree event by event; the difference is in what the "
                    + "scenario reports, not in the events it dispatched");
            return;
        }
        TraceEvent first = divergence.first();
        TraceEvent at = first != null ? first : divergence.second();
        out.printf("first divergent event: #%d at t=%s%n", divergence.eventIndex(),
                SimTime.format(at.timeNanos()));
        out.println("  run 1: " + (first == null ? "(ended)" : first));
        out.println("  run 2: " + (divergence.second() == null ? "(ended)" : divergence.second()));
    }
}
