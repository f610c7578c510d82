package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.model.task.TaskPlacement;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import io.schedsim.prop.spec.UserCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Ray placement beyond CPU while an instance is terminated, in the style of SC-11: a
 * 0-CPU head and {@code workers} workers of {@code cpusPerWorker} CPUs and 64,000 MiB, the last
 * {@code accelNodes} of which advertise {@code accelPerNode} units of the custom resource
 * {@code accel}. The driver submits {@code tasks} tasks of one CPU and {@code taskMemMb} of memory
 * (every case asks memory, so R-14's memory accounting is always exercised; 8,000 MiB by default,
 * which never binds: a 4-CPU worker runs 4 tasks, 32,000 MiB), one scheduling class:
 *
 * <ul>
 *   <li>{@code spread}: SPREAD; worker 1 is the victim. Expected: the first
 *       min(tasks, usable workers) lease grants are on distinct nodes.
 *   <li>{@code affinity-hard}: hard NODE_AFFINITY to worker {@code target}, the victim.
 *       Expected: every task ends FINISHED or TASK_UNSCHEDULABLE (never retried
 *       elsewhere), and if the target's host went while some task was unresolved, at least one
 *       ends TASK_UNSCHEDULABLE. A target restarted under a new id is not the target.
 *   <li>{@code affinity-soft}: the same, soft. Expected: every task FINISHED (it falls
 *       back to DEFAULT).
 *   <li>{@code resource}: DEFAULT, each task also asking {@code accelPerTask} units of accel; the
 *       first accel node is the victim. Expected: every task FINISHED when an accel node
 *       survives or the victim rejoins; with neither, the tasks wait PENDING (SC-11, INV-23
 *       exempts infeasible tasks), as they do when {@code accelPerTask} exceeds
 *       {@code accelPerNode}.
 * </ul>
 *
 * The victim's host is terminated at {@code killAtMillis} and, with {@code rejoin}, comes back
 * under a new node id at {@code rejoinAtMillis} (the cloud's replacement, as in SC-11), keeping
 * its resources. The FINISHED expectations assume a killed attempt can be retried, so they hold
 * for {@code maxRetries} other than 0; with 0 a task killed with its node may end in that error.
 */
public final class RayPlacementScenario extends BuiltInScenario {
    static final String ACCEL = "accel";
    static final long NODE_MEM_MB = 64_000;

    @Override
    public String name() {
        return "ray-placement";
    }

    @Override
    public String description() {
        return "R-12, R-14, SC-11: custom resources, memory, SPREAD and NodeAffinity (soft, hard)"
                + " while instances are terminated";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                CaseKnob.of("spread", List.of("spread", "affinity-hard", "affinity-soft",
                        "resource"), "spread: SPREAD tasks; affinity-hard, affinity-soft: "
                        + "NodeAffinity to worker target; resource: tasks ask accel"),
                Knob.ofInt("workers", 4, 1, 1_000, "workers besides the 0-CPU head")
                        .in("nodes"),
                Knob.ofInt("cpusPerWorker", 4, 1, 1_024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("accelNodes", 2, 0, 1_000,
                        "the last this many workers advertise the custom resource accel")
                        .in("nodes"),
                Knob.ofInt("accelPerNode", 2, 1, 1_000, "accel units of an accel node")
                        .in("units"),
                Knob.ofInt("accelPerTask", 1, 1, 1_000, "resource: accel units each task asks")
                        .in("units"),
                Knob.ofInt("target", 1, 1, 1_000, "affinity: the target worker's slot")
                        .in("slot"),
                Knob.ofInt("tasks", 40, 1, 100_000, "tasks submitted by the driver").in("tasks"),
                Knob.ofLong("taskRunMillis", 10_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of one attempt"),
                Knob.ofInt("maxRetries", -1, -1, 1_000, "max_retries of every task (-1 unlimited)")
                        .in("retries"),
                Knob.ofLong("taskMemMb", 8_000, 0, NODE_MEM_MB,
                        "memory each task asks (Ray's logical memory), every case").in("MiB"),
                Knob.ofLong("submitAtMillis", 5_000, 0, NomadKnobs.DAY_MILLIS,
                        "when the driver submits"),
                Knob.ofLong("killAtMillis", 20_000, 0, NomadKnobs.DAY_MILLIS,
                        "the victim's host is terminated (target, first accel node, worker 1)"),
                Knob.ofBoolean("rejoin", true, "the victim comes back under a new node id"),
                Knob.ofLong("rejoinAtMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "when the victim comes back"),
                Knob.ofLong("taskRetryDelayMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "Ray task_retry_delay_ms"),
                Knob.ofLong("horizonMillis", 900_000, 1_000, 10 * NomadKnobs.DAY_MILLIS,
                        "simulated time limit"));
    }

    /** Judged after every run, by run and sweep alike, from the history. */
    @Override
    public List<UserCheck> expectations(ScenarioConfig config) {
        return List.of(
                UserCheck.of("R-12", run -> run.history()
                        .map(history -> PlacementOutcome.spread(config, history)).orElse(null)),
                UserCheck.of("R-14", run -> run.history()
                        .map(history -> PlacementOutcome.placement(config, history))
                        .orElse(null)));
    }

    /** The slot whose host is terminated: the target, the first accel node, or worker 1. */
    static int victim(ScenarioConfig config) {
        return switch (CaseKnob.of(config)) {
            case "affinity-hard", "affinity-soft" -> config.intValue("target");
            case "resource" -> firstAccelSlot(config);
            default -> 1;
        };
    }

    /** Slot of the first worker advertising accel (the head is slot 0). */
    static int firstAccelSlot(ScenarioConfig config) {
        return config.intValue("workers") - config.intValue("accelNodes") + 1;
    }

    /** Refuses a config the cases cannot be built from, before the first event. */
    static void requireBuildable(ScenarioConfig config) {
        int workers = config.intValue("workers");
        String picked = CaseKnob.of(config);
        if (config.intValue("accelNodes") > workers) {
            throw new InputException("ray-placement: accelNodes=" + config.intValue("accelNodes")
                    + " exceeds workers=" + workers);
        }
        if (picked.startsWith("affinity") && config.intValue("target") > workers) {
            throw new InputException("ray-placement: target=" + config.intValue("target")
                    + " is not a worker (slots 1.." + workers + ")");
        }
        if (picked.equals("resource") && config.intValue("accelNodes") == 0) {
            throw new InputException("ray-placement: case resource needs accelNodes >= 1");
        }
    }

    static TaskPlacement placement(ScenarioConfig config) {
        TaskPlacement placement = switch (CaseKnob.of(config)) {
            case "spread" -> TaskPlacement.spread();
            case "affinity-hard" -> TaskPlacement.affinity(config.intValue("target"), false);
            case "affinity-soft" -> TaskPlacement.affinity(config.intValue("target"), true);
            case "resource" -> TaskPlacement.NONE.withResource(ACCEL,
                    config.intValue("accelPerTask") * 1_000L);
            default -> throw new AssertionError(CaseKnob.of(config));
        };
        return placement.withMemory(config.longValue("taskMemMb"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        requireBuildable(config);
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        requireBuildable(config);
        cluster.addNode(0, NODE_MEM_MB, true);
        int workers = config.intValue("workers");
        int firstAccel = firstAccelSlot(config);
        NodeAttributes accel = NodeAttributes.NONE.withRayResource(ACCEL,
                config.intValue("accelPerNode") * 1_000L);
        for (int slot = 1; slot <= workers; slot++) {
            cluster.addNode(config.intValue("cpusPerWorker") * 1_000L, NODE_MEM_MB, false,
                    slot >= firstAccel ? accel : NodeAttributes.NONE);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(config.intValue("tasks"),
                SimTime.millis(config.longValue("taskRunMillis")), false, 0, 1_000,
                config.intValue("maxRetries"), SimTime.millis(config.longValue("submitAtMillis")))
                .withPlacement(placement(config)));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        int victim = victim(config);
        long killAt = config.longValue("killAtMillis");
        List<FaultAction> actions = new ArrayList<>();
        actions.add(TerminateInstance.slot(killAt, victim, killAt));
        if (config.booleanValue("rejoin")) {
            actions.add(new RestartNode(Math.max(killAt, config.longValue("rejoinAtMillis")),
                    victim, false));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long killAt = config.longValue("killAtMillis");
        long lastAction = config.booleanValue("rejoin")
                ? Math.max(killAt, config.longValue("rejoinAtMillis")) : killAt;
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 60_000);
    }
}
