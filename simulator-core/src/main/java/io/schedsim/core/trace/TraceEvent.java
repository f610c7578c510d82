package io.schedsim.core.trace;

import io.schedsim.core.time.SimTime;

/** One dispatched event as recorded by a trace; cold-path form used in reports. */
public record TraceEvent(long eventIndex, long timeNanos, String kind, int entity, long payload,
        long hashAfter) {

    @Override
    public String toString() {
        return "#" + eventIndex + " t=" + SimTime.format(timeNanos) + " " + kind + " entity="
                + entity + " payload=" + payload + " hash=" + TraceHash.hex(hashAfter);
    }
}
