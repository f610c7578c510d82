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
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-11, infeasible tasks stay pending (R-14; ray#4344): 16-CPU workers and one big node (the
 * last slot, 32 CPUs), tasks of 32 CPUs. Case {@code join}: the big node's host is gone at
 * time 0 (DEAD well before the driver submits), so every task waits, PENDING and without error,
 * until a 32-CPU node joins at {@code joinAtMillis} (the cloud's replacement under a new node id,
 * the way Ray sees any new node) and then runs. Case {@code node-dies}: the big node runs the
 * first task and its host is terminated shortly after submission; the attempt fails NODE_DIED
 * when the node is DEAD, the tasks wait without error, and run once the replacement joins.
 * With {@code rejoin=false} they wait to the end; INV-23 exempts infeasible tasks. The Ray-drain
 * and NodeAffinity variants are not modelled.
 */
public final class RayInfeasiblePending extends BuiltInScenario {
    @Override
    public String name() {
        return "ray-infeasible-pending";
    }

    @Override
    public String description() {
        return "SC-11: 32-CPU tasks on 16-CPU workers stay PENDING until a feasible node joins";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                CaseKnob.of("join", List.of("join", "node-dies"),
                        "join: no feasible node until one joins; node-dies: the only one dies"),
                Knob.ofInt("workers", 2, 1, 1_000, "16-CPU workers besides the 0-CPU head")
                        .in("nodes"),
                Knob.ofInt("cpusPerWorker", 16, 1, 1_024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("feasibleNodeCpus", 32, 1, 4_096, "CPUs of the big node").in("CPUs"),
                Knob.ofInt("taskCpus", 32, 1, 4_096, "CPUs each task requests").in("CPUs"),
                Knob.ofInt("tasks", 4, 1, 100_000, "tasks submitted by the driver").in("tasks"),
                Knob.ofLong("taskRunMillis", 10_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of one attempt"),
                Knob.ofInt("maxRetries", -1, -1, 1_000, "max_retries of every task").in("retries"),
                Knob.ofLong("submitAtMillis", 120_000, 0, NomadKnobs.DAY_MILLIS,
                        "when the driver submits (join: after the big node is DEAD)"),
                Knob.ofLong("killAfterSubmitMillis", 5_000, 0, NomadKnobs.DAY_MILLIS,
                        "node-dies: the big node's host is terminated this long after submit"),
                Knob.ofBoolean("rejoin", true, "a 32-CPU node joins at joinAtMillis"),
                Knob.ofLong("joinAtMillis", 300_000, 1, NomadKnobs.DAY_MILLIS,
                        "when the feasible node joins"),
                Knob.ofLong("taskRetryDelayMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "Ray task_retry_delay_ms"),
                Knob.ofLong("horizonMillis", 900_000, 1_000, 10 * NomadKnobs.DAY_MILLIS,
                        "simulated time limit"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        cluster.addNode(0, 64_000, true);
        for (int i = 0; i < config.intValue("workers"); i++) {
            cluster.addNode(config.intValue("cpusPerWorker") * 1_000L, 64_000, false);
        }
        cluster.addNode(config.intValue("feasibleNodeCpus") * 1_000L, 64_000, false);
        cluster.setRayWorkload(new RayWorkloadSpec(config.intValue("tasks"),
                SimTime.millis(config.longValue("taskRunMillis")), false, 0,
                config.intValue("taskCpus") * 1_000L, config.intValue("maxRetries"),
                SimTime.millis(config.longValue("submitAtMillis"))));
    }

    private static long killAt(ScenarioConfig config) {
        return CaseKnob.of(config).equals("join") ? 0
                : config.longValue("submitAtMillis") + config.longValue("killAfterSubmitMillis");
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        int big = cluster.nodeSlotCount() - 1;
        long killAt = killAt(config);
        List<FaultAction> actions = new ArrayList<>();
        actions.add(TerminateInstance.slot(killAt, big, killAt));
        if (config.booleanValue("rejoin")) {
            actions.add(new RestartNode(config.longValue("joinAtMillis"), big, false));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = config.booleanValue("rejoin")
                ? Math.max(killAt(config), config.longValue("joinAtMillis")) : killAt(config);
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 60_000);
    }
}
