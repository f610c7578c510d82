package io.schedsim.prop.scenario;

import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;

/**
 * A finished run: its result, the exact plan and ordering it ran with, and its final state (the
 * cluster and fault ledger; null for a scenario that builds no model cluster).
 */
public record RunOutcome(RunResult result, FaultPlan plan, OrderingSpec ordering, Cluster cluster,
        FaultLedger ledger) {

    /** This outcome with {@code next} as its result (user checks' verdicts added). */
    public RunOutcome withResult(RunResult next) {
        return new RunOutcome(next, plan, ordering, cluster, ledger);
    }
}
