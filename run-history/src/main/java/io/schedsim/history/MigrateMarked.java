package io.schedsim.history;

/**
 * The drainer set desiredTransition.migrate on an allocation (N-9..N-18).
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param alloc allocation id
 * @param disablePlacement migrateDisablePlacement (N-10)
 */
public record MigrateMarked(
        long atNanos, int alloc, boolean disablePlacement) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public MigrateMarked {
        Require.time(atNanos);
        Require.id("alloc", alloc);
    }

    @Override
    public EventType type() {
        return EventType.MIGRATE_MARKED;
    }
}
