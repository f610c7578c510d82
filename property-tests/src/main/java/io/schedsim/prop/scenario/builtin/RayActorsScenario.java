package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.KillerConfigured;
import io.schedsim.model.Cluster;
import io.schedsim.model.actor.RayActorSpec;
import io.schedsim.model.actor.RayActors;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R-6 and INV-28 under chaos, as Ray's {@code test_chaos_actor_retry}
 * (ray:python/ray/tests/test_chaos.py; R-18): 16 actors of 0.25 CPU with
 * {@code max_restarts=-1, max_task_retries=-1}, 300 tasks each, on the CI chaos cluster's shape
 * (a 0-CPU head, 2-CPU workers) while the chaos killer kills raylets (F-2, R-16; or terminates
 * instances). Every actor on a killed node restarts on a live one (its constructor reruns) and
 * the task it was executing is retried, so every submitted sequence number must be recorded
 * (INV-28). The defaults keep 4 workers, so the 2 left after 2 kills still hold all 16 actors:
 * the fixture's autoscaler would bring replacements instead. Tasks take 100 ms (the test's
 * {@code add} takes next to nothing); the kill interval shrinks, as ray-chaos's does, so that
 * maxKills + 1 windows fit in the expected workload and every kill falls while tasks run.
 */
public final class RayActorsScenario extends BuiltInScenario {
    static final String TERMINATE = ChaosKiller.TERMINATE;
    static final String AGENT = ChaosKiller.AGENT;

    @Override
    public String name() {
        return "ray-actors";
    }

    @Override
    public String description() {
        return "R-6, INV-28: 16 actors x 300 tasks with unlimited restarts and retries while"
                + " raylets are killed";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("workers", 4, 1, 10_000, "worker nodes besides the 0-CPU head")
                        .in("nodes"),
                Knob.ofInt("cpusPerWorker", 2, 1, 1024, "CPUs per worker").in("CPUs"),
                Knob.ofInt("actors", 16, 0, 10_000, "actors the driver creates").in("actors"),
                Knob.ofLong("actorCpuMilli", 250, 0, 1_024_000, "CPU each actor holds"),
                Knob.ofInt("tasksPerActor", 300, 0, 100_000, "tasks submitted to each actor")
                        .in("tasks"),
                Knob.ofInt("maxRestarts", -1, -1, 1_000, "max_restarts of every actor"
                        + " (-1 unlimited)").in("restarts"),
                Knob.ofInt("maxTaskRetries", -1, -1, 1_000, "max_task_retries of every actor"
                        + " (-1 unlimited, 0 at-most-once)").in("retries"),
                Knob.ofLong("taskRunMillis", 100, 1, 3_600_000, "run time of one actor task"),
                Knob.ofLong("constructorMillis", 100, 0, 3_600_000,
                        "an actor's constructor, from its placement to ALIVE"),
                Knob.ofLong("killIntervalMillis", 20_000, 1, 86_400_000, "chaos kill_interval"
                        + " (test_chaos.py's 20 s); shortened so maxKills + 1 intervals fit in"
                        + " the expected workload"),
                Knob.ofInt("maxKills", 2, 0, 100_000, "chaos max_to_kill").in("kills"),
                Knob.ofBoolean("randomVictim", true, "kill a random worker, not the first alive"),
                Knob.ofChoice("killMode", AGENT, List.of(AGENT, TERMINATE),
                        "agent: the raylet is killed (F-2, RayletKiller of Ray's CI chaos"
                                + " cluster); terminate: the instance vanishes (F-1)"),
                Knob.ofLong("horizonMillis", 600_000, 1_000, 864_000_000,
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
        requireRoom(config);
        cluster.addNode(0, 65_536, true);
        long cpuMilli = config.intValue("cpusPerWorker") * 1_000L;
        for (int i = 0; i < config.intValue("workers"); i++) {
            cluster.addNode(cpuMilli, 65_536, false);
        }
        cluster.setRayActors(new RayActorSpec(config.intValue("actors"),
                config.longValue("actorCpuMilli"), config.intValue("maxRestarts"),
                config.intValue("maxTaskRetries"), config.intValue("tasksPerActor"),
                SimTime.millis(config.longValue("taskRunMillis")),
                SimTime.millis(config.longValue("constructorMillis")), 0));
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        return ChaosKiller.plan(config, faults, killIntervalMillis(config));
    }

    /** The plan is the killer's (INV-20), with the interval it was drawn with. */
    @Override
    protected KillerConfigured killer(ScenarioConfig config) {
        return ChaosKiller.configured(config, killIntervalMillis(config));
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long kills = killIntervalMillis(config) * config.intValue("maxKills");
        long horizon = config.longValue("horizonMillis");
        return new Timing(Math.min(kills, horizon), horizon, 0);
    }

    /** Every task of every actor has a result and the driver has exited. */
    @Override
    protected boolean finished(Cluster cluster) {
        return cluster.rayActors().allTerminal();
    }

    @Override
    protected String endCondition(Cluster cluster) {
        return "every actor task had a result and the driver exited";
    }

    @Override
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = super.resolved(config, cluster, plan, timing);
        RayActors actors = cluster.rayActors();
        resolved.put("actors", actors.actorCount());
        resolved.put("actorTasks", (long) actors.actorCount() * config.intValue("tasksPerActor"));
        resolved.put("expectedWorkloadMillis", expectedWorkloadMillis(config));
        resolved.put("killIntervalMillis", killIntervalMillis(config));
        List<Long> killTimes = new ArrayList<>();
        for (FaultAction action : plan.actions()) {
            killTimes.add(action.atMillis());
        }
        resolved.put("killAtMillis", killTimes);
        return resolved;
    }

    /** The head and the workers; every actor task, counted as a task (a floor, as for tasks). */
    @Override
    public Footprint footprint(ScenarioConfig config) {
        return new Footprint(1L + config.intValue("workers"),
                (long) config.intValue("actors") * config.intValue("tasksPerActor"));
    }

    /**
     * INV-28 has no excuse for an actor that can never be placed (R-14 would let it wait), so a
     * config whose actors do not all fit on the workers the killer leaves (at most maxKills of
     * them killed, never the last one, INV-20) is refused as bad input rather than run into a
     * violation of the config's own making.
     */
    static void requireRoom(ScenarioConfig config) {
        long actorCpuMilli = config.longValue("actorCpuMilli");
        if (actorCpuMilli == 0 || config.intValue("actors") == 0) {
            return;
        }
        int workers = config.intValue("workers");
        int left = workers - Math.min(config.intValue("maxKills"), workers - 1);
        long perWorker = config.intValue("cpusPerWorker") * 1_000L / actorCpuMilli;
        if (perWorker * left < config.intValue("actors")) {
            throw new InputException("ray-actors: " + config.intValue("actors") + " actors of "
                    + actorCpuMilli + " mCPU do not fit on the " + left + " workers the killer"
                    + " leaves (" + perWorker + " each); INV-28 needs room for every actor");
        }
    }

    /** An actor's tasks run one after another: its constructor, then every task. */
    static long expectedWorkloadMillis(ScenarioConfig config) {
        return config.longValue("constructorMillis")
                + config.intValue("tasksPerActor") * config.longValue("taskRunMillis");
    }

    /** The knob, shortened so that maxKills + 1 intervals fit in the expected workload. */
    static long killIntervalMillis(ScenarioConfig config) {
        long fit = expectedWorkloadMillis(config) / (config.intValue("maxKills") + 1L);
        return Math.max(1, Math.min(config.longValue("killIntervalMillis"), fit));
    }
}
