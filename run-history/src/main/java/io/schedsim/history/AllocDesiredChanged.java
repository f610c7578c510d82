package io.schedsim.history;

/**
 * The servers changed an allocation's desired status.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param desired new desired status
 * @param reason Nomad's reason text
 */
public record AllocDesiredChanged(
        long atNanos, int alloc, DesiredStatus desired, String reason) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AllocDesiredChanged {
        Require.time(atNanos);
        Require.id("alloc", alloc);
        Require.present("desired", desired);
        Require.text("reason", reason);
    }

    @Override
    public EventType type() {
        return EventType.ALLOC_DESIRED_CHANGED;
    }
}
