package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.fault.plan.TaskFaultCause;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-10, Ray's retry counting (ray:python/ray/tests/test_chaos.py {@code test_worker_killer};
 * R-1..R-3): one task with {@code max_retries} (default 3) runs 3 s on the one worker (slot 1);
 * the worker killer (F-3) polls every 0.1 s and kills the first RUNNING attempt at once, at most
 * once per second, so its kills land at 0.1 s, 1.1 s, 2.1 s, … (the retry delay of the CI
 * fixture, 100 ms, keeps each next attempt running by then). Case {@code a}: max_retries kills
 * → every attempt but the last FAILED(WORKER_DIED), the last FINISHED. Case {@code b}:
 * max_retries + 1 kills → all attempts FAILED, none more, the result is an error. With
 * {@code maxRetries=-1} (unlimited, R-1) every kill is retried: case {@code a} kills
 * {@link #UNLIMITED_KILLS} times and the task still finishes, and case
 * {@code b} has no "one kill too many", so it is refused as bad input. Case (c),
 * an attempt lost to preemption (ray#54182), needs a Ray drain whose DRAINING state
 * outlasts its deadline; the model's drainer clears every drain at its deadline, so (c) is not
 * offered.
 *
 * <p>{@code crashCause=application-error} makes each fault an application error instead of a
 * worker kill (ray:python/ray/tests/test_failure_2.py {@code test_retry_application_level_error};
 * with {@code retryExceptions} on, the raises are counted exactly like the kills
 * above; with it off (Ray's default) the first raise ends the task in error, and the later
 * faults find nothing running. {@code crashCause=oom} makes each fault an out-of-memory kill
 * retried under {@code taskOomRetries} (Ray's task_oom_retries, default -1 unlimited; none
 * with max_retries 0), never counted against max_retries, so with the default both cases finish.
 * {@code crashCause=cancel} makes each fault a {@code ray.cancel} of the task (R-1;
 * python/ray/tests/test_cancel.py): the first one ends the running attempt TASK_CANCELLED and
 * the task is never retried, whatever max_retries says; the later ones find nothing to cancel.
 */
public final class RayRetryCounting extends BuiltInScenario {
    static final int WORKER = 1;
    /** Kills of case a when max_retries is -1: test_worker_killer's 3 (SC-10). */
    static final int UNLIMITED_KILLS = 3;
    static final String WORKER_DIED = "worker-died";
    static final String APPLICATION_ERROR = "application-error";
    static final String OOM = "oom";
    static final String CANCEL = "cancel";

    @Override
    public String name() {
        return "ray-retry-counting";
    }

    @Override
    public String description() {
        return "SC-10: worker killer vs max_retries; a: retries suffice, b: one kill too many";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                CaseKnob.of("a", List.of("a", "b"),
                        "a: max_retries kills (finishes); b: max_retries + 1 kills (error)"),
                Knob.ofInt("maxRetries", 3, -1, 1_000, "max_retries of the task (-1 unlimited)")
                        .in("retries"),
                Knob.ofBoolean("retryExceptions", false,
                        "retry_exceptions of the task: retry application errors (R-1)"),
                Knob.ofChoice("crashCause", WORKER_DIED,
                        List.of(WORKER_DIED, APPLICATION_ERROR, OOM, CANCEL),
                        "what each fault does: kill the worker, make the attempt raise, kill"
                                + " it for out of memory, or cancel the task (ray.cancel)"),
                Knob.ofInt("taskOomRetries", -1, -1, 1_000,
                        "Ray task_oom_retries: retries of OOM kills (-1 unlimited)")
                        .in("retries"),
                Knob.ofLong("taskOomRetryDelayBaseMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "Ray task_oom_retry_delay_base_ms (Ray: 1000; its memory-monitor tests"
                                + " use 0, which keeps the killer's schedule)"),
                Knob.ofLong("taskRunMillis", 3_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of one attempt"),
                Knob.ofLong("firstKillAtMillis", 100, 0, NomadKnobs.DAY_MILLIS,
                        "the killer's first poll that finds the attempt running"),
                Knob.ofLong("killIntervalMillis", 1_000, 1, NomadKnobs.DAY_MILLIS,
                        "the killer's minimum time between kills"),
                Knob.ofLong("taskRetryDelayMillis", 100, 0, NomadKnobs.DAY_MILLIS,
                        "Ray task_retry_delay_ms (CI chaos fixture: 100)"),
                Knob.ofLong("leaseLatencyMillis", 1, 0, 60_000,
                        "lease grant to the attempt running on its worker"),
                Knob.ofLong("horizonMillis", 600_000, 1_000, 10 * NomadKnobs.DAY_MILLIS,
                        "simulated time limit"));
    }

    /**
     * The kills of the run. With max_retries -1 no number of kills exhausts the retries (R-1,
     * INV-19), so case b cannot be built and is refused rather than silently run as case a.
     */
    static int kills(ScenarioConfig config) {
        int maxRetries = config.intValue("maxRetries");
        boolean caseA = CaseKnob.of(config).equals("a");
        if (maxRetries < 0 && !caseA) {
            throw new InputException("ray-retry-counting: case b (one kill more than max_retries)"
                    + " needs maxRetries >= 0; with maxRetries=-1 every kill is retried (R-1)");
        }
        if (maxRetries < 0) {
            return UNLIMITED_KILLS;
        }
        return caseA ? maxRetries : maxRetries + 1;
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.RAY_HEALTH_CHECK;
        cluster.taskRetryDelayMillis = config.longValue("taskRetryDelayMillis");
        cluster.leaseLatencyMillis = config.longValue("leaseLatencyMillis");
        cluster.taskOomRetries = config.intValue("taskOomRetries");
        cluster.taskOomRetryDelayBaseMillis = config.longValue("taskOomRetryDelayBaseMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        cluster.addNode(0, 64_000, true);
        cluster.addNode(2_000, 64_000, false);
        cluster.setRayWorkload(new RayWorkloadSpec(1,
                SimTime.millis(config.longValue("taskRunMillis")), false, 0, 1_000,
                config.intValue("maxRetries"), 0, config.booleanValue("retryExceptions")));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> crashes = new ArrayList<>();
        TaskFaultCause cause = switch (config.stringValue("crashCause")) {
            case APPLICATION_ERROR -> TaskFaultCause.APPLICATION_ERROR;
            case OOM -> TaskFaultCause.OOM;
            default -> TaskFaultCause.WORKER_DIED;
        };
        boolean cancel = config.stringValue("crashCause").equals(CANCEL);
        for (int k = 0; k < kills(config); k++) {
            crashes.add(cancel ? new CancelTask(killAt(config, k), 0, false)
                    : new TaskCrash(killAt(config, k), WORKER, 1, 0, cause));
        }
        return new FaultPlan(crashes);
    }

    private static long killAt(ScenarioConfig config, int k) {
        return config.longValue("firstKillAtMillis") + k * config.longValue("killIntervalMillis");
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        return new Timing(killAt(config, kills(config)) + 1, config.longValue("horizonMillis"),
                60_000);
    }
}
