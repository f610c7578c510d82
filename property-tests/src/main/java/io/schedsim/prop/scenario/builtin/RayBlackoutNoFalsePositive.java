package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.kind.BlackoutPlan;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import io.schedsim.prop.spec.UserCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-13, no false positive under short blackouts (ray#58241, ray#58868; INV-13): every
 * {@code blackoutIntervalMillis}, a fresh half of the workers drop all non-local traffic for 5 s
 * (F-4) while nested tasks with {@code max_retries=-1} run. Case {@code defaults}: Ray's
 * health-check defaults; {@code release}: the release test's period 10 s, timeout 100 s,
 * threshold 10; {@code custom}: the healthCheck* knobs; {@code nomad-ttl}: Nomad's TTL
 * heartbeats instead, where a node goes down only if no heartbeat (retried every
 * heartbeatRetryInterval) arrives within ttl + grace; {@code ray-legacy-heartbeat}: Ray's legacy
 * push heartbeats (R-9, 1 s × 30), which a 5 s blackout cannot starve for 29 periods. Expected:
 * no node DEAD or down, and every task FINISHED.
 */
public final class RayBlackoutNoFalsePositive extends BuiltInScenario {
    @Override
    public String name() {
        return "ray-blackout-no-false-positive";
    }

    /** Judged after every run, by run and sweep alike (issue 14 item 2). */
    @Override
    public List<UserCheck> expectations(ScenarioConfig config) {
        return List.of(ScenarioExpectations.noFalsePositive(config));
    }

    @Override
    public String description() {
        return "SC-13: periodic 5 s blackouts of half the workers never make a node DEAD";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                CaseKnob.of("defaults", List.of("defaults", "release", "custom",
                        "nomad-ttl", "ray-legacy-heartbeat"),
                        "failure detector settings (see the description)"),
                Knob.ofInt("workers", 10, 1, 10_000, "workers besides the 0-CPU head").in("nodes"),
                Knob.ofInt("cpusPerWorker", 4, 1, 1_024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("tasks", 2_000, 0, 10_000_000, "outer tasks, each with one child")
                        .in("tasks"),
                Knob.ofLong("holdMillis", 800, 0, NomadKnobs.DAY_MILLIS,
                        "CPU hold of an outer task"),
                Knob.ofLong("childCpuMillis", 500, 0, NomadKnobs.DAY_MILLIS,
                        "CPU burn of the child task (model choice)"),
                Knob.ofLong("blackoutIntervalMillis", 20_000, 1, NomadKnobs.DAY_MILLIS,
                        "a new blackout wave starts this often"),
                Knob.ofLong("blackoutMillis", 5_000, 1, NomadKnobs.DAY_MILLIS,
                        "length of one blackout"),
                Knob.ofDouble("affectedFraction", 0.5, 0.001, 1.0,
                        "share of the workers blacked out per wave").in("fraction"),
                Knob.ofLong("blackoutWindowMillis", 600_000, 1, NomadKnobs.DAY_MILLIS,
                        "waves start until then; the heal follows"),
                Knob.ofLong("healthCheckPeriodMillis", 3_000, 1, NomadKnobs.DAY_MILLIS,
                        "custom: Ray health_check_period_ms"),
                Knob.ofLong("healthCheckTimeoutMillis", 10_000, 1, NomadKnobs.DAY_MILLIS,
                        "custom: Ray health_check_timeout_ms"),
                Knob.ofInt("healthCheckFailureThreshold", 5, 1, 1_000,
                        "custom: Ray health_check_failure_threshold").in("failed checks"),
                Knob.ofLong("heartbeatRetryIntervalMillis", 2_000, 1, NomadKnobs.DAY_MILLIS,
                        "nomad-ttl: client retry after an unanswered heartbeat (N-25)"),
                Knob.ofLong("taskRetryDelayMillis", 100, 0, NomadKnobs.DAY_MILLIS,
                        "Ray task_retry_delay_ms (CI chaos fixture: 100)"),
                Knob.ofLong("horizonMillis", 1_800_000, 1_000, 10 * NomadKnobs.DAY_MILLIS,
                        "simulated time limit"));
    }

    /** The head and the workers; every outer task. */
    @Override
    public Footprint footprint(ScenarioConfig config) {
        return new Footprint(1L + config.intValue("workers"), config.intValue("tasks"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        cluster.heartbeatRetryIntervalMillis = config.longValue("heartbeatRetryIntervalMillis");
        switch (CaseKnob.of(config)) {
            case "defaults":
                break;
            case "release":
                cluster.healthCheckPeriodMillis = 10_000;
                cluster.healthCheckTimeoutMillis = 100_000;
                cluster.healthCheckFailureThreshold = 10;
                break;
            case "custom":
                cluster.healthCheckPeriodMillis = config.longValue("healthCheckPeriodMillis");
                cluster.healthCheckTimeoutMillis = config.longValue("healthCheckTimeoutMillis");
                cluster.healthCheckFailureThreshold =
                        config.intValue("healthCheckFailureThreshold");
                break;
            case "nomad-ttl":
                cluster.detector = DetectorPolicy.NOMAD_TTL;
                break;
            case "ray-legacy-heartbeat":
                cluster.detector = DetectorPolicy.RAY_LEGACY_HEARTBEAT;
                break;
            default:
                throw new AssertionError(CaseKnob.of(config));
        }
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        cluster.addNode(0, 64_000, true);
        for (int i = 0; i < config.intValue("workers"); i++) {
            cluster.addNode(config.intValue("cpusPerWorker") * 1_000L, 64_000, false);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(config.intValue("tasks"),
                SimTime.millis(config.longValue("holdMillis")), true,
                SimTime.millis(config.longValue("childCpuMillis")), 1_000, -1,
                SimTime.seconds(1)));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<Integer> workers = new ArrayList<>();
        for (int slot = 1; slot < cluster.nodeSlotCount(); slot++) {
            workers.add(slot);
        }
        long interval = config.longValue("blackoutIntervalMillis");
        return BlackoutPlan.generate(faults, workers, interval,
                config.longValue("blackoutWindowMillis"), interval,
                config.longValue("blackoutMillis"), config.doubleValue("affectedFraction"));
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long heal = config.longValue("blackoutWindowMillis") + config.longValue("blackoutMillis");
        return new Timing(heal, config.longValue("horizonMillis"), 60_000);
    }
}
