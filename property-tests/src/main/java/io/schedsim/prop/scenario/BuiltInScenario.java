package io.schedsim.prop.scenario;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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

    /** What the heal phase does beyond lifting faults. */
    protected HealOptions healOptions(Config config) {
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
    protected Map<String, Object> resolved(Config config, Cluster cluster, FaultPlan plan,
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

    @Override
    public RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink) {
        return ScenarioRunner.run(this, request, planOrNull, ordering, traceSink);
    }

    /** As {@link #execute}; {@code onStart} sees the started cluster before its first event. */
    public RunOutcome execute(RunRequest request, FaultPlan planOrNull, OrderingSpec ordering,
            TraceSink traceSink, Consumer<Cluster> onStart) {
        return ScenarioRunner.run(this, request, planOrNull, ordering, traceSink, false, onStart);
    }

    @Override
    public RunOutcome replay(RunRequest request, FaultPlan plan, OrderingSpec ordering,
            TraceSink traceSink) {
        return replay(request, plan, ordering, traceSink, null);
    }

    /** As {@link #replay}; {@code onStart} sees the started cluster before its first event. */
    public RunOutcome replay(RunRequest request, FaultPlan plan, OrderingSpec ordering,
            TraceSink traceSink, Consumer<Cluster> onStart) {
        return ScenarioRunner.run(this, request, plan, ordering, traceSink, true, onStart);
    }

    @Override
    public RunResult run(RunRequest request, TraceSink traceSink) {
        return ScenarioRunner.run(this, request, null, OrderingSpec.FIFO, traceSink).result();
    }
}
