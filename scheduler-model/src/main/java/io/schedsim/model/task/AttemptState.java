package io.schedsim.model.task;

/** State of one task attempt, as Ray's state API shows it (SEMANTICS §2.3). */
public enum AttemptState {
    PENDING_NODE_ASSIGNMENT,
    RUNNING,
    FINISHED,
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED;
    }
}
