package io.schedsim.model.api;

/** Who changes a node's eligibility; INV-2 and INV-3 depend on it. */
public enum EligibilitySource {
    /** The eligibility API (N-21). */
    OPERATOR,
    /** A drain being set makes the node ineligible (N-5). */
    DRAIN_SET,
    /** Drain disable with markEligible (N-2, N-7). */
    DRAIN_DISABLE,
    /** The drainer finishing a drain: must leave eligibility unchanged (N-6, INV-3). */
    DRAIN_COMPLETE
}
