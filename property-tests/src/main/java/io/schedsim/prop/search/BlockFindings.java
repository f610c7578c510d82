package io.schedsim.prop.search;

import java.io.Serializable;
import java.util.List;

/**
 * What a {@link PortableSeedWork} block sends back: its totals (a {@link SweepPartial} without
 * failures: seeds, outcomes, fault kinds, latency histograms, shrinking runs) and its failing
 * seeds, in seed order.
 */
record BlockFindings(SweepPartial totals, List<FoundFailure> failures) implements Serializable {
    private static final long serialVersionUID = 1L;
}
