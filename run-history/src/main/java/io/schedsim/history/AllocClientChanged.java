package io.schedsim.history;

/**
 * The servers accepted a client status for an allocation.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param client new client status
 */
public record AllocClientChanged(
        long atNanos, int alloc, ClientStatus client) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public AllocClientChanged {
        Require.time(atNanos);
        Require.id("alloc", alloc);
        Require.present("client", client);
    }

    @Override
    public EventType type() {
        return EventType.ALLOC_CLIENT_CHANGED;
    }
}
