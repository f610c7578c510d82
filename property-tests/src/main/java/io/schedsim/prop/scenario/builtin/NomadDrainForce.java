package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
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

/**
 * SC-4. Case {@code service} is Nomad's e2e {@code TestNodeDrain/ForceFlag}: SC-3 with
 * {@code -force} (deadline −1 s, N-1, N-18), same expectations. Case {@code batch} is
 * {@code TestDrainer_Batch_TransitionToForce}: batch allocations on node X (slot 0) under a drain
 * with deadline {@code initialDeadlineMillis} (0 = {@code -no-deadline}) stay desired {@code run}
 * (INV-6); {@code forceAfterMillis} later the drain is updated to {@code -force}, which stops
 * them all at once without replacement and clears the drain with {@code deadline_reached}.
 */
public final class NomadDrainForce extends BuiltInScenario {
    static final int NODE_X = 0;

    @Override
    public String name() {
        return "nomad-drain-force";
    }

    @Override
    public String description() {
        return "SC-4: -force drains two nodes at once; case batch: deadline updated to force";
    }

    @Override
    public List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>();
        knobs.add(CaseKnob.of("service", List.of("service", "batch"),
                "service: ForceFlag on A and B; batch: a batch drain updated to -force"));
        knobs.addAll(NomadDrainDeadline.serviceKnobs());
        knobs.add(Knob.ofInt("batchCount", 2, 1, 1_000, "batch job count on X (case batch)")
                .in("allocations"));
        knobs.add(Knob.ofLong("batchRunMillis", 3_600_000, 1, NomadKnobs.DAY_MILLIS,
                "run time of a batch allocation"));
        knobs.add(Knob.ofLong("initialDeadlineMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                "deadline of X's first drain request; 0 = -no-deadline (case batch)"));
        knobs.add(Knob.ofLong("forceAfterMillis", 500, 1, NomadKnobs.DAY_MILLIS,
                "time from the first drain request to the -force update (case batch)"));
        return NomadKnobs.with(knobs, 600_000);
    }

    private static boolean batch(ScenarioConfig config) {
        return CaseKnob.of(config).equals("batch");
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.SPREAD);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        if (!batch(config)) {
            NomadDrainDeadline.populateService(cluster, config);
            return;
        }
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(JobSpec.batch("batch-job", config.intValue("batchCount"),
                100, 128, config.longValue("batchRunMillis"))
                .withStopLatency(config.longValue("stopLatencyMillis")));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        if (!batch(config)) {
            return NomadDrainDeadline.drainBoth(config, cluster,
                    at -> Drain.force(at, NomadDrainDeadline.NODE_A, false),
                    at -> Drain.force(at, NomadDrainDeadline.NODE_B, false));
        }
        long drainAt = config.longValue("drainAtMillis");
        long initial = config.longValue("initialDeadlineMillis");
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_X + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        actions.add(initial == 0 ? Drain.noDeadline(drainAt, NODE_X, false)
                : Drain.deadline(drainAt, NODE_X, initial, false));
        actions.add(Drain.force(drainAt + config.longValue("forceAfterMillis"), NODE_X, false));
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastDrain = config.longValue("drainAtMillis")
                + (batch(config) ? config.longValue("forceAfterMillis") : 0);
        long lastAction = Math.max(lastDrain, config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
