package io.schedsim.prop.search;

import io.schedsim.prop.scenario.OrderingSpec;
import java.io.Serializable;

/**
 * A failing seed as the scan found it: the first violation, the run's trace hash and event count,
 * the size of the plan the seed drew and, for the first failures of each invariant in its block
 * (the only ones the search may file), that plan as JSON so that the driver can file it unshrunk.
 *
 * @param seed the run's number (its seed, for random search)
 * @param planJson the run's fault plan; null when the block did not keep it
 * @param specSeed the seed the run ran with (a guided mutant keeps its parent's)
 * @param ordering the ordering the run ran with
 */
record ScanFailure(long seed, String invariant, String message, String traceHash, long events,
        int planSize, String planJson, long specSeed, OrderingSpec ordering)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
