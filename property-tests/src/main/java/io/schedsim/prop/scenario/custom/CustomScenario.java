package io.schedsim.prop.scenario.custom;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.swarm.SwarmGenerator;
import io.schedsim.fault.swarm.SwarmRanges;
import io.schedsim.fault.swarm.SwarmSpec;
import io.schedsim.model.Cluster;
import io.schedsim.model.EndOfRun;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario defined in a few lines instead of a class: nodes, jobs of any type, an optional Ray
 * workload, and a fault swarm drawn from the seed among the allowed kinds, within the given
 * ranges, in a fault window; then the heal phase and at most {@code settleMillis} to quiesce.
 * It runs through the same {@code ScenarioRunner} as the built-ins, so every tool works on it;
 * register it in a plugin to use it by name.
 * <pre>{@code
 * Scenario drains = CustomScenario.builder("my-drains")
 *         .nodes(4, 4_000, 8_192)
 *         .job(JobSpec.service("web", 3, 500, 256)).job(JobSpec.system("agent", 100, 128))
 *         .faultKinds(FaultKind.DRAIN, FaultKind.ELIGIBILITY_FLIP)
 *         .build();
 * }</pre>
 * Knobs: {@code faultWindowMillis} (when the faults end and the heal phase runs) and {@code
 * settleMillis}. Immutable; the same builder calls give equal runs.
 */
public final class CustomScenario extends BuiltInScenario {
    static final long DAY_MILLIS = 86_400_000;

    private final Shape shape;

    /** Everything a builder said, validated and immutable. */
    record Shape(String name, String description, List<NodeGroup> nodeGroups,
            List<JobSpec> jobs, RayWorkloadSpec rayWorkload, Set<FaultKind> faultKinds,
            SwarmRanges faultRanges, long faultWindowStartMillis, long faultWindowEndMillis,
            long settleMillis, DetectorPolicy detector, PlacementKind placement) {}

    CustomScenario(Shape shape) {
        this.shape = shape;
    }

    /** A builder of the scenario called {@code name} (kebab-case). */
    public static CustomScenarioBuilder builder(String name) {
        return new CustomScenarioBuilder(name);
    }

    @Override
    public String name() {
        return shape.name();
    }

    @Override
    public String description() {
        return shape.description();
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofLong("faultWindowMillis", shape.faultWindowEndMillis(),
                        shape.faultWindowStartMillis() + 1, DAY_MILLIS, "faults fire from "
                        + shape.faultWindowStartMillis() + " ms until this; then the heal phase"),
                Knob.ofLong("settleMillis", shape.settleMillis(), 0, DAY_MILLIS,
                        "at most this long after the heal to reach quiescence"));
    }

    /** The fault kinds the swarm may switch on. */
    public Set<FaultKind> faultKinds() {
        return EnumSet.copyOf(shape.faultKinds());
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = shape.detector();
        cluster.nomadPlacement = shape.placement();
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        for (NodeGroup group : shape.nodeGroups()) {
            for (int i = 0; i < group.count(); i++) {
                cluster.addNode(group.cpuMilli(), group.memMb(), group.head());
            }
        }
        for (JobSpec job : shape.jobs()) {
            cluster.state().registerJob(job);
        }
        RayWorkloadSpec ray = shape.rayWorkload();
        if (ray != null) {
            cluster.setRayWorkload(ray);
        }
    }

    /** The swarm's plan: the seed's draw among the allowed kinds, in the window, in range. */
    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<Integer> heads = new ArrayList<>();
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            if (cluster.isHead(slot)) {
                heads.add(slot);
            }
        }
        SwarmSpec spec = new SwarmSpec(cluster.nodeSlotCount(), heads,
                shape.faultWindowStartMillis(), windowEnd(config), !shape.jobs().isEmpty(),
                shape.rayWorkload() != null).withAllowedKinds(shape.faultKinds())
                .withRanges(shape.faultRanges());
        return SwarmGenerator.generate(cluster.sim().seed(), spec);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long heal = windowEnd(config);
        return new Timing(heal, heal + config.longValue("settleMillis"), 0);
    }

    /** Quiescence when there are Nomad jobs (as chaos-swarm); every task done for Ray alone. */
    @Override
    protected boolean finished(Cluster cluster) {
        if (shape.jobs().isEmpty() && cluster.ray() != null) {
            return cluster.ray().allTerminal();
        }
        return EndOfRun.isQuiescent(cluster);
    }

    @Override
    protected String endCondition(Cluster cluster) {
        return shape.jobs().isEmpty() && cluster.ray() != null
                ? "every task had finished or failed" : "the cluster was quiescent";
    }

    private long windowEnd(ScenarioConfig config) {
        return Math.max(shape.faultWindowStartMillis() + 1, config.longValue("faultWindowMillis"));
    }

    /** The fault ranges the swarm draws within. */
    public SwarmRanges faultRanges() {
        return shape.faultRanges();
    }
}
