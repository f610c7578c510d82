package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.Cluster;
import io.schedsim.model.api.RayDrainReason;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ray's drain under the nested task workload: the autoscaler's
 * {@code DrainNode} calls, both reasons, with and without deadlines, racing instance terminations
 * (ray:python/ray/tests/test_draining.py; F-6, {@code EC2InstanceTerminatorWithGracePeriod},
 * ray#53425). Every run draws, from its fault stream, for {@code preemptions} distinct workers one
 * episode each: a PREEMPTION drain with a grace deadline and the instance terminated after it
 * (a preempted death: its lost attempts retry for free), before it (a death before the deadline
 * is unexpected, test_node_death_before_draining_deadline), or a drain without deadline and a
 * termination (never preempted). {@code idleDrains} IDLE_TERMINATION calls land on random workers
 * (rejected while they run a lease, accepted and DRAINING for good otherwise, half of them
 * followed by the instance's termination), one drain of an already dead node (accepted, no
 * change) and one with a negative deadline (an error). The last two workers are never drained
 * nor killed, so the work can always finish. max_retries defaults to 0, so a preemption counted
 * against it would end a task in error (INV-19).
 */
public final class RayDrainScenario extends BuiltInScenario {
    private static final long FIRST_MILLIS = 5_000;
    private static final long SPREAD_MILLIS = 60_000;
    private static final int KEPT_WORKERS = 2;

    @Override
    public String name() {
        return "ray-drain";
    }

    @Override
    public String description() {
        return "R-15: Ray DrainNode (idle termination, preemption with grace) racing instance "
                + "terminations under nested tasks";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("workers", 6, KEPT_WORKERS + 1, 1_000, "worker nodes besides the "
                        + "0-CPU head; the last " + KEPT_WORKERS + " are never drained or killed")
                        .in("nodes"),
                Knob.ofInt("cpusPerWorker", 4, 1, 1024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("tasks", 300, 1, 1_000_000, "outer tasks").in("tasks"),
                Knob.ofLong("holdMillis", 1_000, 0, 3_600_000, "CPU hold of an outer task"),
                Knob.ofLong("childCpuMillis", 45_000, 0, 3_600_000, "CPU burn of the child; "
                        + "longer than the grace, so a preempted death still finds work (R-3)"),
                Knob.ofInt("maxRetries", 0, -1, 1_000, "max_retries of every task (-1 unlimited)")
                        .in("retries"),
                Knob.ofInt("preemptions", 2, 0, 1_000, "workers given a preemption episode")
                        .in("drains"),
                Knob.ofInt("idleDrains", 3, 0, 1_000, "IDLE_TERMINATION calls").in("drains"),
                Knob.ofLong("graceMillis", 30_000, 1, 3_600_000,
                        "preemption deadline: the grace before the instance goes (ray#53425)"),
                Knob.ofLong("horizonMillis", 1_800_000, 10_000, 86_400_000,
                        "simulated time limit"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        cluster.addNode(0, 65_536, true);
        for (int i = 0; i < config.intValue("workers"); i++) {
            cluster.addNode(config.intValue("cpusPerWorker") * 1_000L, 65_536, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(config.intValue("tasks"),
                SimTime.millis(config.longValue("holdMillis")), true,
                SimTime.millis(config.longValue("childCpuMillis")), 1_000,
                config.intValue("maxRetries"), 0));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        int drainable = config.intValue("workers") - KEPT_WORKERS;
        long grace = config.longValue("graceMillis");
        List<FaultAction> actions = new ArrayList<>();
        // An invalid deadline is an error, whatever the reason (test_preemption).
        actions.add(new RayDrain(1_000, 1, RayDrainReason.PREEMPTION, -1));
        List<Integer> victims = new ArrayList<>();
        for (int slot = 1; slot <= drainable; slot++) {
            victims.add(slot);
        }
        int preemptions = Math.min(config.intValue("preemptions"), drainable);
        long lastDeath = 0;
        for (int i = 0; i < preemptions; i++) {
            int node = victims.remove(faults.nextInt(victims.size()));
            long at = FIRST_MILLIS + (long) (faults.nextDouble() * SPREAD_MILLIS);
            double shape = faults.nextDouble();
            long deadline;
            long killAt;
            if (shape < 0.6) {
                deadline = grace;
                killAt = at + grace + (long) (faults.nextDouble() * 5_000);
            } else if (shape < 0.8) {
                deadline = grace;
                killAt = at + (long) (faults.nextDouble() * grace);
            } else {
                deadline = 0;
                killAt = at + (long) (faults.nextDouble() * grace);
            }
            actions.add(new RayDrain(at, node, RayDrainReason.PREEMPTION, deadline));
            actions.add(TerminateInstance.slot(killAt, node, killAt));
            lastDeath = Math.max(lastDeath, killAt);
            if (i == 0) {
                // Draining a dead node is accepted and changes nothing (test_idle_termination).
                actions.add(new RayDrain(killAt + 120_000, node,
                        RayDrainReason.IDLE_TERMINATION, 0));
            }
        }
        for (int i = 0; i < config.intValue("idleDrains") && drainable > 0; i++) {
            int node = 1 + faults.nextInt(drainable);
            long at = FIRST_MILLIS + (long) (faults.nextDouble() * 2 * SPREAD_MILLIS);
            actions.add(new RayDrain(at, node, RayDrainReason.IDLE_TERMINATION, 0));
            if (faults.nextInt(2) == 0) {
                // The autoscaler gives an idle-drained instance back; if the drain was refused
                // this is just a termination racing the work.
                actions.add(TerminateInstance.slot(at + 5_000, node, at + 5_000));
            }
        }
        actions.sort(Comparator.comparingLong(FaultAction::atMillis));
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long horizon = config.longValue("horizonMillis");
        long lastAction = FIRST_MILLIS + 2 * SPREAD_MILLIS + config.longValue("graceMillis")
                + 130_000;
        return new Timing(Math.min(lastAction, horizon), horizon, 60_000);
    }
}
