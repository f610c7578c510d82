package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.swarm.SwarmDomain;
import io.schedsim.fault.swarm.SwarmGenerator;
import io.schedsim.fault.swarm.SwarmSpec;
import io.schedsim.model.Cluster;
import io.schedsim.model.actor.RayActorSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.placement.RayStrategy;
import io.schedsim.model.task.RayWorkloadSpec;
import io.schedsim.model.task.TaskPlacement;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The swarm scenario (CLI.md): a small mixed cluster — a 0-CPU head for the Ray driver, up to 8
 * worker nodes, service jobs spread over several nodes, long batch jobs, a system job, and nested
 * Ray tasks with finite retries, and on half the seeds a few Ray actors — where the seed
 * switches a random subset of every fault kind on with random intensities (FoundationDB/TigerBeetle
 * swarm testing). The shape is drawn from the {@code workload} stream within the knobs' bounds;
 * the actors from its child stream {@value #ACTOR_STREAM}, which draws nothing from it, so every
 * other part of a run's shape is what it was before actors joined; the faults from the
 * {@code swarm} stream.
 */
public final class ChaosSwarm extends BuiltInScenario {
    private static final long FAULT_WINDOW_START_MILLIS = 20_000;
    /** Child of the workload stream the actor workload draws from. */
    static final String ACTOR_STREAM = "actors";
    /** max_restarts values drawn: unlimited, none (the default), and finite budgets. */
    private static final int[] MAX_RESTARTS = {-1, 0, 1, 2};
    /** max_task_retries values drawn: unlimited, at-most-once (the default), finite. */
    private static final int[] MAX_TASK_RETRIES = {-1, 0, 1};
    private static final long[] ACTOR_CPU_MILLI = {250, 500, 1_000};
    /** Child of the workload stream the grouped jobs draw from. */
    static final String GROUPS_STREAM = "groups";
    /** Child stream of the workload stream for the Ray tasks' placement. */
    static final String PLACEMENT_STREAM = "ray-placement";
    /** The custom resource some workers advertise when the seed's tasks ask for it. */
    static final String ACCEL = "accel";

    @Override
    public String name() {
        return "chaos-swarm";
    }

    @Override
    public String description() {
        return "swarm: mixed service/batch/system jobs, Ray tasks and actors under a seeded"
                + " subset of every fault kind";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("nodes", 6, 2, 8, "worker nodes (a 0-CPU head is added for Ray)")
                        .in("nodes"),
                Knob.ofInt("serviceJobs", 2, 0, 4, "service jobs, count 2..4 each").in("jobs"),
                Knob.ofInt("batchJobs", 2, 0, 4, "batch jobs, count 1..4 each, long-running")
                        .in("jobs"),
                Knob.ofInt("groupedJobs", 1, 0, 2, "service jobs of two task groups (N-36),"
                        + " each group its own count and max_parallel").in("jobs").addedLater(0),
                Knob.ofBoolean("systemJob", true, "a system job on every node"),
                Knob.ofInt("rayTasks", 24, 0, 100, "nested Ray tasks (each with one child)")
                        .in("tasks"),
                Knob.ofInt("rayActors", 4, 0, 16, "at most this many Ray actors (R-6), on half"
                        + " the seeds, with tasks; 0: none").in("actors").addedLater(0),
                Knob.ofBoolean("rayPlacement", true, "on half the seeds the Ray tasks ask for"
                        + " memory, an accel resource two workers have, SPREAD or a soft or hard"
                        + " NodeAffinity (R-12, R-14)").addedLater(false),
                Knob.ofChoice("detector", "seeded", List.of("seeded", "nomad-ttl",
                        "ray-health-check", "ray-legacy-heartbeat"),
                        "failure detector; seeded = drawn per seed (TTL or health checks)"),
                Knob.ofLong("faultWindowMillis", 600_000, 1_000, 86_400_000,
                        "faults fire in [20 s, window); the heal phase runs at its end"),
                Knob.ofLong("settleMillis", 600_000, 0, 86_400_000,
                        "at most this long after the heal to reach quiescence"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.nomadPlacement = PlacementKind.SPREAD;
        cluster.detector = DetectorPolicy.NOMAD_TTL;
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        String detector = config.stringValue("detector");
        // The seeded draw picks between the two detectors it always had, so seeded runs keep
        // their traces; legacy push heartbeats run only when asked for.
        boolean ttl = detector.equals("seeded") ? workload.chance(0.5)
                : detector.equals("nomad-ttl");
        cluster.config().detector = detector.equals("ray-legacy-heartbeat")
                ? DetectorPolicy.RAY_LEGACY_HEARTBEAT
                : ttl ? DetectorPolicy.NOMAD_TTL : DetectorPolicy.RAY_HEALTH_CHECK;
        int nodes = config.intValue("nodes");
        TaskPlacement placement = config.booleanValue("rayPlacement")
                ? taskPlacement(workload.child(PLACEMENT_STREAM), nodes) : TaskPlacement.NONE;
        cluster.addNode(0, 8_192, true);
        for (int i = 0; i < nodes; i++) {
            boolean accel = placement.resourceMilli() > 0 && i >= nodes - 2;
            cluster.addNode(4_000, 8_192, false, accel
                    ? NodeAttributes.NONE.withRayResource(ACCEL, 4_000) : NodeAttributes.NONE);
        }
        if (config.booleanValue("systemJob")) {
            cluster.state().registerJob(JobSpec.system("system", 100, 128));
        }
        for (int i = 0; i < config.intValue("serviceJobs"); i++) {
            int count = 2 + workload.nextInt(3);
            int maxParallel = 1 + workload.nextInt(2);
            long minHealthyMillis = 2_000 + workload.nextLong(8_000);
            // One group in eight gets a healthy_deadline equal to its min_healthy_time, which its
            // allocations always miss (N-13): pacing then runs on unhealthy replacements. Derived
            // from the existing draw, so the workload stream is unchanged.
            long healthyDeadlineMillis = minHealthyMillis >= 9_000 ? minHealthyMillis : 300_000;
            MigrateBlock migrate = new MigrateBlock(maxParallel, minHealthyMillis,
                    healthyDeadlineMillis);
            long stopLatencyMillis = workload.nextLong(5_000);
            JobSpec service = JobSpec.service("service-" + i, count, 400, 256)
                    .withMigrate(migrate).withStopLatency(stopLatencyMillis);
            cluster.state().registerJob(stopLatencyMillis < 1_250
                    ? service.withDisconnect(disconnectBlock(stopLatencyMillis)) : service);
        }
        for (int i = 0; i < config.intValue("batchJobs"); i++) {
            int count = 1 + workload.nextInt(4);
            long runMillis = 60_000 + workload.nextLong(400_000);
            cluster.state().registerJob(JobSpec.batch("batch-" + i, count, 300, 256, runMillis)
                    .withStopLatency(workload.nextLong(5_000)));
        }
        SimRandom grouped = workload.child(GROUPS_STREAM);
        for (int i = 0; i < config.intValue("groupedJobs"); i++) {
            cluster.state().registerJob("grouped-" + i, groupSpecs(grouped));
        }
        int rayTasks = config.intValue("rayTasks");
        if (rayTasks > 0) {
            int maxRetries = 1 + workload.nextInt(3);
            // Tasks held to one node by a NodeAffinity, or to the two accel nodes, submit no
            // children, so that those nodes get through them well inside the run: nested, they
            // often outran it, even more so under faults that took those nodes away.
            boolean nested = placement.strategy() != RayStrategy.NODE_AFFINITY
                    && placement.resourceMilli() == 0;
            cluster.setRayWorkload(new RayWorkloadSpec(rayTasks, SimTime.seconds(20), nested,
                    SimTime.seconds(40), 1_000, maxRetries, SimTime.seconds(5))
                    .withPlacement(placement));
        }
        int actorsMax = config.intValue("rayActors");
        if (actorsMax > 0) {
            RayActorSpec actors = actorSpec(workload.child(ACTOR_STREAM), actorsMax);
            if (actors != null) {
                cluster.setRayActors(actors);
            }
        }
    }

    /**
     * What the seed's Ray tasks ask of placement: on half the seeds nothing beyond
     * CPU; otherwise one of SPREAD, a hard or a soft NodeAffinity to a worker drawn uniformly,
     * or one unit of the accel resource (which then the last two workers have, four units each),
     * each with 1 GiB of memory on half of those seeds; tasks under a NodeAffinity or asking for
     * accel are not nested. Drawn from its own stream, so that every other draw of the seed stays.
     */
    static TaskPlacement taskPlacement(SimRandom shapes, int nodes) {
        if (!shapes.chance(0.5)) {
            return TaskPlacement.NONE;
        }
        TaskPlacement placement = switch (shapes.nextInt(4)) {
            case 0 -> TaskPlacement.spread();
            case 1 -> TaskPlacement.affinity(1 + shapes.nextInt(nodes), false);
            case 2 -> TaskPlacement.affinity(1 + shapes.nextInt(nodes), true);
            default -> TaskPlacement.NONE.withResource(ACCEL, 1_000);
        };
        return shapes.chance(0.5) ? placement.withMemory(1_024) : placement;
    }

    /**
     * The seed's actor workload, or null on the half of the seeds that have none: 1 to
     * {@code actorsMax} actors sharing one max_restarts and one max_task_retries, each drawn from
     * its meaningful values (-1 unlimited, 0, finite), with 20..150 tasks each of 1..4 s, so
     * that the workload (about 3.5 minutes at the median) runs well into the fault window. The
     * count is drawn last, so shrinking the knob keeps every other draw.
     */
    static RayActorSpec actorSpec(SimRandom actors, int actorsMax) {
        if (!actors.chance(0.5)) {
            return null;
        }
        int maxRestarts = MAX_RESTARTS[actors.nextInt(MAX_RESTARTS.length)];
        int maxTaskRetries = MAX_TASK_RETRIES[actors.nextInt(MAX_TASK_RETRIES.length)];
        long cpuMilli = ACTOR_CPU_MILLI[actors.nextInt(ACTOR_CPU_MILLI.length)];
        int tasksPerActor = 20 + actors.nextInt(131);
        long taskRunMillis = 1_000 + actors.nextLong(3_000);
        long constructorMillis = 100 + actors.nextLong(1_900);
        int count = 1 + actors.nextInt(actorsMax);
        return new RayActorSpec(count, cpuMilli, maxRestarts, maxTaskRetries, tasksPerActor,
                SimTime.millis(taskRunMillis), SimTime.millis(constructorMillis),
                SimTime.seconds(20));
    }

    /**
     * A service job's two task groups (N-36): counts 1..3 and max_parallel 1..2 each, drawn
     * apart, so a drain paces each group by its own (nomad/drainer/watch_jobs.go
     * handleTaskGroup) and one paced by the other's budget shows. Drawn from the workload
     * stream's child {@value #GROUPS_STREAM}, so every other part of a run's shape is what it
     * was before grouped jobs joined.
     */
    static List<JobSpec> groupSpecs(SimRandom grouped) {
        List<JobSpec> groups = new ArrayList<>(2);
        for (String name : List.of("api", "cache")) {
            int count = 1 + grouped.nextInt(3);
            int maxParallel = 1 + grouped.nextInt(2);
            long minHealthyMillis = 2_000 + grouped.nextLong(8_000);
            groups.add(JobSpec.service(name, count, 300, 256)
                    .withMigrate(new MigrateBlock(maxParallel, minHealthyMillis, 300_000))
                    .withStopLatency(grouped.nextLong(5_000)));
        }
        return groups;
    }

    /**
     * One service group in four has a {@code disconnect} block (N-29): lost_after 30..155 s,
     * either replace, every reconcile strategy. Derived from the group's stop latency, already
     * drawn, so the workload stream (and every other group) is what it was.
     */
    static DisconnectBlock disconnectBlock(long stopLatencyMillis) {
        DisconnectBlock.Reconcile[] strategies = DisconnectBlock.Reconcile.values();
        return new DisconnectBlock(30_000 + stopLatencyMillis * 100, stopLatencyMillis % 2 == 0,
                strategies[(int) (stopLatencyMillis / 2 % strategies.length)]);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<Integer> heads = new ArrayList<>();
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            if (cluster.isHead(slot)) {
                heads.add(slot);
            }
        }
        // Actors are Ray work too: the Ray-only faults (Ray drains, task failures) apply.
        SwarmSpec spec = swarmSpec(config, cluster.nodeSlotCount(), heads,
                cluster.ray() != null || cluster.rayActors() != null);
        return SwarmGenerator.generate(cluster.sim().seed(), spec);
    }

    /** Plans in the swarm's own domain ({@link SwarmDomain}): guided search may edit them. */
    @Override
    public boolean admits(FaultPlan plan, ScenarioConfig config) {
        return SwarmDomain.admits(plan, swarmSpec(config, config.intValue("nodes") + 1,
                List.of(0), config.intValue("rayTasks") > 0
                        || config.intValue("rayActors") > 0));
    }

    private static SwarmSpec swarmSpec(ScenarioConfig config, int slots, List<Integer> heads,
            boolean ray) {
        return new SwarmSpec(slots, heads, FAULT_WINDOW_START_MILLIS,
                Math.max(FAULT_WINDOW_START_MILLIS + 1, config.longValue("faultWindowMillis")),
                true, ray);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long heal = Math.max(FAULT_WINDOW_START_MILLIS + 1, config.longValue("faultWindowMillis"));
        return new Timing(heal, heal + config.longValue("settleMillis"), 0);
    }

    /** The detector the seed picked when the knob says {@code seeded}. */
    @Override
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = super.resolved(config, cluster, plan, timing);
        if (cluster.rayActors() != null) {
            resolved.put("actors", cluster.rayActors().actorCount());
        }
        resolved.put("detector", switch (cluster.config().detector) {
            case NOMAD_TTL -> "nomad-ttl";
            case RAY_HEALTH_CHECK -> "ray-health-check";
            case RAY_LEGACY_HEARTBEAT -> "ray-legacy-heartbeat";
        });
        return resolved;
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return io.schedsim.model.EndOfRun.isQuiescent(cluster);
    }

    @Override
    public List<ScenarioConfig> simplerConfigs(ScenarioConfig config) {
        List<ScenarioConfig> simpler = new ArrayList<>();
        decrement(config, "rayTasks", 0, simpler, true);
        decrement(config, "rayActors", 0, simpler, true);
        decrement(config, "batchJobs", 0, simpler, false);
        decrement(config, "serviceJobs", 0, simpler, false);
        decrement(config, "groupedJobs", 0, simpler, false);
        decrement(config, "nodes", 2, simpler, false);
        if (config.booleanValue("systemJob")) {
            simpler.add(config.with("systemJob", false));
        }
        return simpler;
    }

    private static void decrement(ScenarioConfig config, String knob, int min,
            List<ScenarioConfig> out, boolean toMinFirst) {
        int value = config.intValue(knob);
        if (value <= min) {
            return;
        }
        if (toMinFirst) {
            out.add(config.with(knob, min));
        }
        out.add(config.with(knob, value - 1));
    }
}
