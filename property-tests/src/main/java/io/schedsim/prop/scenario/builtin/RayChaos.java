package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.kind.KillerPlan;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Config;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.List;

/**
 * SC-1, Ray's release test {@code chaos_many_tasks_terminate_instance}: a 0-CPU head and 9 × 16
 * CPU workers run 21,600 nested tasks ({@code max_retries=-1}) while the killer terminates up to
 * 2 worker instances, one per 60 s window (ray:release/nightly_tests/setup_chaos.py,
 * task_workload.py). Expected: every task finishes, DEAD ⊆ killed, CPUs free within 60 s.
 */
public final class RayChaos extends BuiltInScenario {
    @Override
    public String name() {
        return "ray-chaos";
    }

    @Override
    public String description() {
        return "SC-1: 21,600 nested Ray tasks on 9x16-CPU workers while 2 instances are terminated";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("workers", 9, 1, 100_000, "worker nodes besides the 0-CPU head"),
                Knob.ofInt("cpusPerWorker", 16, 1, 1024, "CPUs per worker"),
                Knob.ofInt("tasks", 0, 0, 50_000_000,
                        "outer tasks; 0 = total CPUs x 2 x 75 (21,600 at the defaults)"),
                Knob.ofLong("holdMillis", 800, 0, 3_600_000, "CPU hold of an outer task"),
                Knob.ofLong("childCpuMillis", 1_000, 0, 3_600_000,
                        "CPU burn of the nested child task (model choice: not given by Ray)"),
                Knob.ofBoolean("nestedChild", true, "outer tasks submit and wait on a child"),
                Knob.ofInt("maxRetries", -1, -1, 1_000, "max_retries of every task (-1 unlimited)"),
                Knob.ofLong("killIntervalMillis", 60_000, 1, 86_400_000, "chaos kill_interval"),
                Knob.ofInt("maxKills", 2, 0, 100_000, "chaos max_to_kill"),
                Knob.ofBoolean("randomVictim", false, "kill a random worker, not the first alive"),
                Knob.ofBoolean("replaceKilledWorkers", false,
                        "the cloud replaces terminated workers under new ids at the heal phase"),
                Knob.ofLong("healthCheckPeriodMillis", 3_000, 1, 3_600_000,
                        "Ray health_check_period_ms"),
                Knob.ofLong("healthCheckTimeoutMillis", 10_000, 1, 3_600_000,
                        "Ray health_check_timeout_ms"),
                Knob.ofInt("healthCheckFailureThreshold", 5, 1, 1_000,
                        "Ray health_check_failure_threshold"),
                Knob.ofLong("taskRetryDelayMillis", 0, 0, 3_600_000, "Ray task_retry_delay_ms"),
                Knob.ofLong("horizonMillis", 3_600_000, 1_000, 864_000_000,
                        "simulated time limit (the predecessor test's 3600 s timeout)"));
    }

    @Override
    protected ClusterConfig clusterConfig(Config config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.healthCheckPeriodMillis = config.longValue("healthCheckPeriodMillis");
        cluster.healthCheckTimeoutMillis = config.longValue("healthCheckTimeoutMillis");
        cluster.healthCheckFailureThreshold = config.intValue("healthCheckFailureThreshold");
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, Config config, SimRandom workload) {
        int workers = config.intValue("workers");
        long cpuMilli = config.intValue("cpusPerWorker") * 1_000L;
        cluster.addNode(0, 65_536, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(cpuMilli, 65_536, false);
        }
        int tasks = config.intValue("tasks");
        if (tasks == 0) {
            tasks = (int) Math.min(Integer.MAX_VALUE, workers * (cpuMilli / 1_000) * 2 * 75);
        }
        cluster.setRayWorkload(new RayWorkloadSpec(tasks,
                SimTime.millis(config.longValue("holdMillis")), config.booleanValue("nestedChild"),
                SimTime.millis(config.longValue("childCpuMillis")), 1_000,
                config.intValue("maxRetries"), 0));
    }

    @Override
    protected FaultPlan faultPlan(Config config, SimRandom faults, Cluster cluster) {
        return KillerPlan.generate(faults, config.longValue("killIntervalMillis"),
                config.intValue("maxKills"), config.longValue("horizonMillis"),
                config.booleanValue("randomVictim"));
    }

    /** The plan is the killer's: one kill per window, at most maxKills (setup_chaos.py). */
    @Override
    protected KillerConfigured killer(Config config) {
        return new KillerConfigured(0, config.intValue("maxKills"),
                config.longValue("killIntervalMillis"), 1);
    }

    @Override
    protected Timing timing(Config config) {
        long kills = config.longValue("killIntervalMillis") * config.intValue("maxKills");
        long horizon = config.longValue("horizonMillis");
        return new Timing(Math.min(kills, horizon), horizon, 60_000);
    }

    @Override
    protected HealOptions healOptions(Config config) {
        return config.booleanValue("replaceKilledWorkers") ? new HealOptions(true, false)
                : HealOptions.LIFT_ONLY;
    }
}
