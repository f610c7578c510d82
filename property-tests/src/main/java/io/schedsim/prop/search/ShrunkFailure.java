package io.schedsim.prop.search;

import io.schedsim.prop.scenario.OrderingSpec;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * A failing seed after shrinking: the smallest run that still fails the same way (its config,
 * ordering and plan as JSON), its outcome (trace hash, events, the violation's message), plan
 * sizes before and after, and the runs shrinking took. Plain data, so it comes back from any JVM;
 * the driver turns it into a replay file.
 */
record ShrunkFailure(long seed, String invariant, String message, String traceHash, long events,
        int faultsBefore, int faultsAfter, int runs, LinkedHashMap<String, Object> config,
        OrderingSpec ordering, String planJson) implements Serializable {
    private static final long serialVersionUID = 1L;
}
