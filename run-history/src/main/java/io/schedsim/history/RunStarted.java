package io.schedsim.history;

/**
 * The first event of every history: format version, what ran, and which failure detector.
 *
 * @param atNanos simulated time of the event, nanoseconds since the run started
 * @param format always "schedsim-history/1"; readers reject other versions
 * @param scenario scenario name, e.g. "ray-chaos"
 * @param seed run seed
 * @param variant bug-zoo variant name, or "" for the correct model
 * @param detector failure detection policy of the run (SEMANTICS §2.4)
 */
public record RunStarted(
        long atNanos, String format, String scenario, long seed, String variant,
        DetectorPolicy detector) implements HistoryEvent {
    /** Validates every field; a bad value names its field. */
    public RunStarted {
        Require.time(atNanos);
        Require.format(format);
        Require.text("scenario", scenario);
        Require.text("variant", variant);
        Require.present("detector", detector);
    }

    @Override
    public EventType type() {
        return EventType.RUN_STARTED;
    }
}
