package io.schedsim.prop.search;

import java.io.Serializable;

/**
 * A failing seed as the scan found it: the first violation, the run's trace hash and event count,
 * the size of the plan the seed drew and, for the first failures of each invariant in its block
 * (the only ones the search may file), that plan as JSON so that the driver can file it unshrunk.
 *
 * @param planJson the seed's fault plan; null when the block did not keep it
 */
record ScanFailure(long seed, String invariant, String message, String traceHash, long events,
        int planSize, String planJson) implements Serializable {
    private static final long serialVersionUID = 1L;
}
