package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.inject.HealOptions;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.VictimRule;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SC-1, Ray's release test {@code chaos_many_tasks_terminate_instance}: a 0-CPU head and 9 × 16
 * CPU workers run 21,600 nested tasks ({@code max_retries=-1}) while the killer terminates up to
 * 2 worker instances, one per 60 s window (ray:release/nightly_tests/setup_chaos.py,
 * task_workload.py). Expected: every task finishes, DEAD ⊆ killed, CPUs free within 60 s. With
 * {@code killMode=agent} the killer kills raylets instead, as Ray's CI chaos cluster does
 * (ray:python/ray/tests/conftest.py {@code _ray_start_chaos_cluster}).
 */
public final class RayChaos extends BuiltInScenario {
    /** killMode: the killer terminates instances (the release test's EC2InstanceTerminator). */
    static final String TERMINATE = ChaosKiller.TERMINATE;
    /**
     * killMode: the killer kills raylets: owners fail the attempts there once the workers
     * exit, about 1 s after the kill, and the GCS declares the node DEAD about 12–18 s later.
     */
    static final String AGENT = ChaosKiller.AGENT;

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
                Knob.ofInt("workers", 9, 1, 100_000, "worker nodes besides the 0-CPU head")
                        .in("nodes"),
                Knob.ofInt("cpusPerWorker", 16, 1, 1024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("tasks", 0, 0, 50_000_000,
                        "outer tasks; 0 = total CPUs x 2 x 75 (21,600 at the defaults)")
                        .in("tasks"),
                Knob.ofLong("holdMillis", 800, 0, 3_600_000, "CPU hold of an outer task"),
                Knob.ofLong("childCpuMillis", 1_000, 0, 3_600_000,
                        "CPU burn of the nested child task (model choice: not given by Ray)"),
                Knob.ofBoolean("nestedChild", true, "outer tasks submit and wait on a child"),
                Knob.ofInt("maxRetries", -1, -1, 1_000, "max_retries of every task (-1 unlimited)")
                        .in("retries"),
                Knob.ofLong("killIntervalMillis", 60_000, 1, 86_400_000, "chaos kill_interval; "
                        + "shortened so maxKills + 1 intervals fit in the expected workload"),
                Knob.ofInt("maxKills", 2, 0, 100_000, "chaos max_to_kill").in("kills"),
                Knob.ofBoolean("randomVictim", false, "kill a random worker, not the first alive"),
                Knob.ofChoice("killMode", TERMINATE, List.of(TERMINATE, AGENT),
                        "terminate: the instance vanishes (F-1, EC2InstanceTerminator); agent: "
                                + "the raylet is killed (F-2, RayletKiller of Ray's CI chaos "
                                + "cluster)").addedLater(),
                Knob.ofBoolean("replaceKilledWorkers", false,
                        "the cloud replaces terminated workers under new ids at the heal phase"),
                Knob.ofLong("healthCheckPeriodMillis", 3_000, 1, 3_600_000,
                        "Ray health_check_period_ms"),
                Knob.ofLong("healthCheckTimeoutMillis", 10_000, 1, 3_600_000,
                        "Ray health_check_timeout_ms"),
                Knob.ofInt("healthCheckFailureThreshold", 5, 1, 1_000,
                        "Ray health_check_failure_threshold").in("failed checks"),
                Knob.ofLong("taskRetryDelayMillis", 0, 0, 3_600_000, "Ray task_retry_delay_ms"),
                Knob.ofLong("horizonMillis", 3_600_000, 1_000, 864_000_000,
                        "simulated time limit (the predecessor test's 3600 s timeout)"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.healthCheckPeriodMillis = config.longValue("healthCheckPeriodMillis");
        cluster.healthCheckTimeoutMillis = config.longValue("healthCheckTimeoutMillis");
        cluster.healthCheckFailureThreshold = config.intValue("healthCheckFailureThreshold");
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        int workers = config.intValue("workers");
        long cpuMilli = config.intValue("cpusPerWorker") * 1_000L;
        cluster.addNode(0, 65_536, true);
        for (int i = 0; i < workers; i++) {
            cluster.addNode(cpuMilli, 65_536, false);
        }
        int tasks = outerTasks(config);
        cluster.setRayWorkload(new RayWorkloadSpec(tasks,
                SimTime.millis(config.longValue("holdMillis")), config.booleanValue("nestedChild"),
                SimTime.millis(config.longValue("childCpuMillis")), 1_000,
                config.intValue("maxRetries"), 0));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        return ChaosKiller.plan(config, faults, killIntervalMillis(config));
    }

    /**
     * The plan is the killer's: one kill per window, at most maxKills (setup_chaos.py). The
     * window is the interval the plan is drawn with, which shrinks below the knob to fit the
     * workload (INV-20 counts kills per window of this length).
     */
    @Override
    protected KillerConfigured killer(ScenarioConfig config) {
        return ChaosKiller.configured(config, killIntervalMillis(config));
    }

    /**
     * Plans the killer could have drawn (INV-20 holds the killer to them): terminations only, at
     * most {@code maxKills}, one per window, each re-checking within its window, with the
     * config's victim rule, before the horizon. Guided search may edit such plans.
     */
    @Override
    public boolean admits(FaultPlan plan, ScenarioConfig config) {
        long interval = killIntervalMillis(config);
        VictimRule rule = config.booleanValue("randomVictim") ? VictimRule.RANDOM
                : VictimRule.FIRST;
        if (plan.size() > config.intValue("maxKills")) {
            return false;
        }
        long lastWindow = -1;
        for (FaultAction action : plan.actions()) {
            if (!(action instanceof TerminateInstance kill) || kill.victim() != rule
                    || kill.atMillis() >= config.longValue("horizonMillis")) {
                return false;
            }
            long window = kill.atMillis() / interval;
            if (window == lastWindow || kill.recheckUntilMillis() >= (window + 1) * interval) {
                return false;
            }
            lastWindow = window;
        }
        return true;
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long kills = killIntervalMillis(config) * config.intValue("maxKills");
        long horizon = config.longValue("horizonMillis");
        return new Timing(Math.min(kills, horizon), horizon, 60_000);
    }

    /** The config's planned kills and the interval and workload estimate they were drawn in. */
    @Override
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = super.resolved(config, cluster, plan, timing);
        resolved.put("expectedWorkloadMillis", expectedWorkloadMillis(config));
        resolved.put("killIntervalMillis", killIntervalMillis(config));
        List<Long> killTimes = new ArrayList<>();
        for (FaultAction action : plan.actions()) {
            if (action instanceof TerminateInstance || action instanceof KillRaylet) {
                killTimes.add(action.atMillis());
            }
        }
        resolved.put("killAtMillis", killTimes);
        return resolved;
    }

    /** The head, the workers and their replacements; every outer task. */
    @Override
    public Footprint footprint(ScenarioConfig config) {
        long replacements = config.booleanValue("replaceKilledWorkers")
                ? config.intValue("maxKills") : 0;
        return new Footprint(1L + config.intValue("workers") + replacements, outerTasks(config));
    }

    /** Outer tasks: the knob, or total CPUs x 2 x 75 when it is 0 (task_workload.py's sizing). */
    static int outerTasks(ScenarioConfig config) {
        int tasks = config.intValue("tasks");
        if (tasks > 0) {
            return tasks;
        }
        long cpus = (long) config.intValue("workers") * config.intValue("cpusPerWorker");
        return (int) Math.min(Integer.MAX_VALUE, cpus * 2 * 75);
    }

    /**
     * The workload's length if nothing failed: the CPU time of every task (the outer hold plus the
     * child's burn; a parent waiting on its child holds no CPU) over the cluster's CPUs.
     */
    static long expectedWorkloadMillis(ScenarioConfig config) {
        long cpuMillisPerTask = config.longValue("holdMillis")
                + (config.booleanValue("nestedChild") ? config.longValue("childCpuMillis") : 0);
        long cpus = (long) config.intValue("workers") * config.intValue("cpusPerWorker");
        long cpuMillis = Math.multiplyExact(outerTasks(config), cpuMillisPerTask);
        return (cpuMillis + cpus - 1) / cpus;
    }

    /**
     * The kill interval of the plan: the knob, shortened so that maxKills + 1 intervals fit in the
     * expected workload. Every kill then falls while tasks run and at least one interval of work
     * is left after the last: at 10,000 workers x 1M tasks the workload takes about 11 s, and
     * 60 s windows killed only after every task had finished (nothing lost, one of two kills
     * detected before the end). At the defaults (about 270 s of work) 60 s already fits.
     */
    static long killIntervalMillis(ScenarioConfig config) {
        long fit = expectedWorkloadMillis(config) / (config.intValue("maxKills") + 1L);
        return Math.max(1, Math.min(config.longValue("killIntervalMillis"), fit));
    }

    @Override
    protected HealOptions healOptions(ScenarioConfig config) {
        return config.booleanValue("replaceKilledWorkers") ? new HealOptions(true, false)
                : HealOptions.LIFT_ONLY;
    }
}
