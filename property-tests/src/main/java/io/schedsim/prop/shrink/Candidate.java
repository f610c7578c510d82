package io.schedsim.prop.shrink;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.OrderingSpec;
import java.util.Map;

/** One run the shrinker may try: config, fault plan and ordering (seed and variant fixed). */
public record Candidate(Map<String, Object> config, FaultPlan plan, OrderingSpec ordering) {
    public Candidate withPlan(FaultPlan next) {
        return new Candidate(config, next, ordering);
    }

    public Candidate withConfig(Map<String, Object> next) {
        return new Candidate(next, plan, ordering);
    }

    public Candidate withOrdering(OrderingSpec next) {
        return new Candidate(config, plan, next);
    }
}
