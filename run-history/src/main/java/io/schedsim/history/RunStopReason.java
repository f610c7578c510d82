package io.schedsim.history;

/** Why the run loop returned; liveness is judged only after QUEUE_EMPTY, TIME_LIMIT or CONDITION. */
public enum RunStopReason {
    /** No event was pending. */
    QUEUE_EMPTY,
    /** The horizon was reached. */
    TIME_LIMIT,
    /** The event budget was spent. */
    EVENT_LIMIT,
    /** The scenario's end condition held. */
    CONDITION,
    /** A check stopped the run (a violation). */
    STOPPED
}
