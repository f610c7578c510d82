package io.schedsim.prop.scenario;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistorySink;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;

/**
 * A scenario built from four parts: the cluster config, the initial cluster (nodes, jobs, Ray
 * workload), the fault plan generated from the seed, and the phase timing. {@link ScenarioRunner}
 * does the rest, the same way for every scenario.
 */
public abstract class BuiltInScenario implements ScenarioDefinition {

    /** Cluster knobs for this config; start from {@code new ClusterConfig()} and adjust. */
    protected abstract ClusterConfig clusterConfig(Config config);

    /** Adds nodes, jobs and the Ray workload; the cluster is not started yet. */
    protected abstract void populate(Cluster cluster, Config config, SimRandom workload);

    /** The fault plan of a fresh run (a replay brings its own). Cluster started, time 0. */
    protected abstract FaultPlan faultPlan(Config config, SimRandom faults, Cluster cluster);

    protected abstract Timing timing(Config config);

    /**
     * The chaos killer's limits when the scenario's fault plan is the killer's (SC-1): its kills
     * are then the killer's in the run's history, held to INV-20. Null (the default): no killer.
     */
    protected KillerConfigured killer(Config config) {
        return null;
    }

    /** What the heal phase does beyond lifting faults. */
    protected HealOptions healOptions(Config config) {
        return HealOptions.LIFT_ONLY;
    }

    /** True once the run has reached its end condition (after the heal phase). */
    protected boolean finished(Cluster cluster) {
        return cluster.ray() != null ? cluster.ray().allTerminal()
                : io.schedsim.model.EndOfRun.isQuiescent(cluster);
    }

    @Override
    public RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink) {
        return ScenarioRunner.run(this, request, planOrNull, ordering, traceSink);
    }

    @Override
    public RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink, HistorySink historyOut) {
        return ScenarioRunner.run(this, request, planOrNull, ordering, traceSink, historyOut);
    }

    @Override
    public RunResult run(RunRequest request, TraceSink traceSink) {
        return ScenarioRunner.run(this, request, null, OrderingSpec.FIFO, traceSink).result();
    }
}
