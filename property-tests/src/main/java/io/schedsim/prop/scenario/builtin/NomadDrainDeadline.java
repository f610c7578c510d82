package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * SC-3, Nomad's e2e {@code TestNodeDrain/DeadlineFlag}: a service job (count 2,
 * {@code migrate{max_parallel=1, min_healthy_time=30s}}) runs on nodes A (slot 0) and B (slot 1);
 * the spare nodes are kept ineligible until {@code sparesReadyAtMillis}. The operator makes A and
 * B ineligible, then drains both with {@code -deadline 1s}. Expected: both old allocations are
 * client-complete within 10 s of the drain (pacing alone would take ~60 s), both drains end with
 * {@code deadline_reached}, and the job runs its count again on Ready nodes (N-18, INV-9).
 */
public final class NomadDrainDeadline extends BuiltInScenario {
    static final int NODE_A = 0;
    static final int NODE_B = 1;

    @Override
    public String name() {
        return "nomad-drain-deadline";
    }

    @Override
    public String description() {
        return "SC-3: drain two nodes with -deadline 1s; both old allocs stop within 10 s";
    }

    @Override
    public List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>(serviceKnobs());
        knobs.add(Knob.ofLong("drainDeadlineMillis", 1_000, 1, NomadKnobs.DAY_MILLIS,
                "the -deadline of both drains"));
        return NomadKnobs.with(knobs, 600_000);
    }

    /** The knobs SC-3 and SC-4's service case share. */
    static List<Knob> serviceKnobs() {
        return List.of(
                Knob.ofInt("nodes", 4, 3, 1_000, "nodes: A, B and the spares").in("nodes"),
                Knob.ofInt("serviceCount", 2, 1, 1_000, "service job count (on A and B)")
                        .in("allocations"),
                Knob.ofLong("serviceCpuMilli", 500, 1, NomadKnobs.NODE_CPU_MILLI,
                        "CPU of one service allocation (nodes have 4,000)"),
                Knob.ofInt("maxParallel", 1, 1, 1_000, "migrate max_parallel").in("allocations"),
                Knob.ofLong("minHealthyTimeMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time"),
                Knob.ofLong("healthyDeadlineMillis", 300_000, 1, NomadKnobs.DAY_MILLIS,
                        "migrate healthy_deadline"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of the service task"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so the job lands on A and B"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "A and B made ineligible, then drained"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.SPREAD);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        populateService(cluster, config);
    }

    static void populateService(Cluster cluster, ScenarioConfig config) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        jobs.add(NomadKnobs.service("service-job",
                config.intValue("serviceCount"), config.longValue("serviceCpuMilli"),
                config.intValue("maxParallel"), config.longValue("minHealthyTimeMillis"),
                config.longValue("healthyDeadlineMillis"), config.longValue("stopLatencyMillis")));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        long deadline = config.longValue("drainDeadlineMillis");
        return drainBoth(config, cluster, at -> Drain.deadline(at, NODE_A, deadline, false),
                at -> Drain.deadline(at, NODE_B, deadline, false));
    }

    /** Spares held back, then at drainAt: A and B ineligible, then both drain requests. */
    static FaultPlan drainBoth(ScenarioConfig config, Cluster cluster, LongFunction<Drain> drainA,
            LongFunction<Drain> drainB) {
        long drainAt = config.longValue("drainAtMillis");
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_B + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        actions.add(new EligibilityFlip(drainAt, NODE_A, false));
        actions.add(new EligibilityFlip(drainAt, NODE_B, false));
        actions.add(drainA.apply(drainAt));
        actions.add(drainB.apply(drainAt));
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = Math.max(config.longValue("drainAtMillis"),
                config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
