package io.schedsim.prop.scenario;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.prop.spec.RunSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario built from four parts: the cluster config, the initial cluster (nodes, jobs, Ray
 * workload), the fault plan generated from the seed, and the phase timing. {@link ScenarioRunner}
 * does the rest, the same way for every scenario.
 */
public abstract class BuiltInScenario implements Scenario {

    /** Cluster knobs for this config; start from {@code new ClusterConfig()} and adjust. */
    protected abstract ClusterConfig clusterConfig(ScenarioConfig config);

    /** Adds nodes, jobs and the Ray workload; the cluster is not started yet. */
    protected abstract void populate(Cluster cluster, ScenarioConfig config, SimRandom workload);

    /** The fault plan of a fresh run (a replay brings its own). Cluster started, time 0. */
    protected abstract FaultPlan faultPlan(ScenarioConfig config, SimRandom faults,
            Cluster cluster);

    /** When the heal phase starts, the horizon, and how long to run on once tasks are done. */
    protected abstract Timing timing(ScenarioConfig config);

    /**
     * The chaos killer's limits when the scenario's fault plan is the killer's (SC-1): its kills
     * are then the killer's in the run's history, held to INV-20. Null (the default): no killer.
     */
    protected KillerConfigured killer(ScenarioConfig config) {
        return null;
    }

    /** What the heal phase does beyond lifting faults. */
    protected HealOptions healOptions(ScenarioConfig config) {
        return HealOptions.LIFT_ONLY;
    }

    /** True once the run has reached its end condition (after the heal phase). */
    protected boolean finished(Cluster cluster) {
        return cluster.ray() != null ? cluster.ray().allTerminal()
                : io.schedsim.model.EndOfRun.isQuiescent(cluster);
    }

    /** What {@link #finished} tests, as the report's stop detail says it. */
    protected String endCondition(Cluster cluster) {
        return cluster.ray() != null ? "every task had finished or failed"
                : "the cluster was quiescent";
    }

    /**
     * Values the run derives from its config, resolved for the report beside the config as given:
     * the node total (heads included), the outer task count, the fault actions planned per kind,
     * and when the heal phase starts and the horizon falls. Scenarios add their own. Computed
     * after the plan is drawn and before the first event, it changes nothing in the run.
     */
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("nodes", cluster.nodeSlotCount());
        if (cluster.ray() != null) {
            resolved.put("tasks", cluster.ray().outerTaskCount());
        }
        resolved.put("faultActions", plan.countByKind());
        resolved.put("healAtMillis", timing.healAtMillis());
        resolved.put("horizonMillis", timing.horizonMillis());
        return resolved;
    }

    /** A built-in scenario's run always produces its history: the monitor judges every one. */
    @Override
    public boolean writesHistory() {
        return true;
    }

    @Override
    public RunOutcome execute(RunSpec spec, RunOptions options) {
        return ScenarioRunner.run(this, spec, options);
    }
}
