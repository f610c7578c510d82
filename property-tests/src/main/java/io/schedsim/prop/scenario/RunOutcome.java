package io.schedsim.prop.scenario;

import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;

/** A finished run: its result, the exact plan and ordering it ran with, and its final state. */
public record RunOutcome(RunResult result, FaultPlan plan, OrderingSpec ordering, Cluster cluster,
        FaultLedger ledger) {}
