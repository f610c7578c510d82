package io.schedsim.model.alloc;

/**
 * The allocation's status as the server knows it from client updates (§2.2). complete, failed and
 * lost are client-terminal; complete and failed never change, lost may only become complete (N-30,
 * INV-18) — {@link #mayBecome} pins the table.
 */
public enum ClientStatus {
    PENDING,
    RUNNING,
    COMPLETE,
    FAILED,
    LOST,
    UNKNOWN;

    public boolean isTerminal() {
        return this == COMPLETE || this == FAILED || this == LOST;
    }

    /** The transition table of INV-18. */
    public boolean mayBecome(ClientStatus next) {
        if (this == next) {
            return true;
        }
        switch (this) {
            case COMPLETE:
            case FAILED:
                return false;
            case LOST:
                return next == COMPLETE;
            default:
                return true;
        }
    }
}
