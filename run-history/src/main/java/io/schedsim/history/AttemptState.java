package io.schedsim.history;

/** A Ray task attempt's state, named as Ray's state API names it (SEMANTICS §2.3). */
public enum AttemptState {
    PENDING_NODE_ASSIGNMENT,
    RUNNING,
    FINISHED,
    FAILED
}
