package io.schedsim.monitor;

/**
 * A judgement the monitor did not make, and exactly why: the shape of the run or the entity it
 * skipped ("task 7 waits: no ALIVE, non-draining node has 1000 mCPU free"), so a reader can tell
 * a clean run from one the checks never looked at.
 *
 * @param invariant the rule not judged
 * @param shape what was skipped and why, in one line
 */
public record Skip(Invariant invariant, String shape) {
    @Override
    public String toString() {
        return invariant.id() + " skipped: " + shape;
    }
}
