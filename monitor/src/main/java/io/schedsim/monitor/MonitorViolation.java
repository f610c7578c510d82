package io.schedsim.monitor;

/**
 * A broken rule as the monitor saw it: which rule, the position ({@code seq}, from 0) and time of
 * the event that revealed it, the ids involved ({@link #NONE} where one does not apply) and what
 * was seen.
 *
 * @param invariant the rule
 * @param seq position in the history of the event that revealed the violation
 * @param atNanos simulated time of that event
 * @param node node id, or -1
 * @param alloc allocation id, or -1
 * @param task task id, or -1
 * @param job job id, or -1
 * @param message what was seen, in one line
 */
public record MonitorViolation(Invariant invariant, long seq, long atNanos, int node, int alloc,
        long task, int job, String message) {
    /** The id sentinel: the field does not apply to this violation. */
    public static final int NONE = -1;

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(invariant.id()).append(" at event #").append(seq)
                .append(", t=").append(atNanos).append(" ns");
        if (node != NONE) {
            text.append(", node ").append(node);
        }
        if (alloc != NONE) {
            text.append(", alloc ").append(alloc);
        }
        if (task != NONE) {
            text.append(", task ").append(task);
        }
        if (job != NONE) {
            text.append(", job ").append(job);
        }
        return text.append(": ").append(message).toString();
    }
}
