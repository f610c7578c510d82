package io.schedsim.prop.search;

import io.schedsim.prop.scenario.OrderingSpec;
import java.io.Serializable;

/**
 * A guided run that reached a feature its round's corpus had not, or beat one of its near-miss
 * bests: what the driver needs to keep it (seed, ordering, plan as JSON, node slots), the
 * features it reached, its near-miss measures and where each best was reached
 * ({@link io.schedsim.prop.search.guided.Coverage#focus()}).
 */
record Reached(long run, long seed, OrderingSpec ordering, String planJson, int nodeSlots,
        int[] features, long[] metrics, long[] focus) implements Serializable {
    private static final long serialVersionUID = 1L;
}
