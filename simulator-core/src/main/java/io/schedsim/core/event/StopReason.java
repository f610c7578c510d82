package io.schedsim.core.event;

/** Why a run loop returned; callers check it is the reason they expected. */
public enum StopReason {
    /** No event is pending. */
    QUEUE_EMPTY,
    /** The next event is due after the time limit. */
    TIME_LIMIT,
    /** The event budget is spent. */
    EVENT_LIMIT,
    /** The caller's condition no longer holds. */
    CONDITION,
    /** A handler asked the simulation to stop (e.g. on an invariant violation). */
    STOPPED
}
