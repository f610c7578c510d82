package io.schedsim.history;

/** Which path changed a node's eligibility, as the model claims it. */
public enum EligibilitySource {
    /** The eligibility API (N-21). */
    OPERATOR,
    /** A drain being set (N-5). */
    DRAIN_SET,
    /** Drain disable with markEligible (N-2, N-7). */
    DRAIN_DISABLE,
    /** The drainer finishing a drain (N-6). */
    DRAIN_COMPLETE
}
