package io.schedsim.fault.inject;

/** What happened to a fault action at one ledger entry. */
public enum Outcome {
    /** The action acted on the cluster (an operator call counts even if it was rejected). */
    FIRED,
    /** The action did not act, and never will; the entry's detail says why. */
    SKIPPED,
    /** No victim yet; the action re-checks later (not counted as fired or skipped). */
    RECHECK,
    /** A lasting fault was undone at its planned end, or lifted by the heal phase. */
    ENDED,
    /** The heal phase ran. */
    HEALED;

    /** Lower-case label used in timelines. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
