package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * Several task groups per job (N-36; N-12..N-14 per group): service job {@code web} has groups
 * {@code api} and {@code cache} with their own counts, CPU and migrate max_parallel, and system
 * job {@code agent} has groups {@code logs} and {@code metrics}, each placed on every node. The
 * spares are ineligible until {@code sparesReadyAtMillis}, so web lands on A (slot 0) and B
 * (slot 1); then A is drained (deadline 1 h) while B and the spares flip eligibility at times
 * drawn from the run's fault stream, each back to eligible within 20 s. The drainer paces each
 * group by its own max_parallel (watch_jobs.go handleJob: handleTaskGroup per group; INV-4,
 * INV-5 per group), the reconciler keeps each group at its count (INV-24), and each system group
 * keeps one allocation per node (INV-16, INV-27).
 */
public final class NomadTaskGroups extends BuiltInScenario {
    static final int NODE_A = 0;
    static final int NODE_B = 1;
    private static final long FLIP_BACK_MILLIS_MAX = 20_000;

    @Override
    public String name() {
        return "nomad-task-groups";
    }

    @Override
    public String description() {
        return "N-36: a job with two task groups drained while eligibility flips; pacing per group";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                Knob.ofInt("nodes", 5, 3, 1_000, "nodes: A, B and the spares").in("nodes"),
                Knob.ofInt("apiCount", 4, 1, 1_000, "count of web's group api")
                        .in("allocations"),
                Knob.ofInt("apiMaxParallel", 1, 1, 1_000, "migrate max_parallel of group api")
                        .in("allocations"),
                Knob.ofInt("cacheCount", 3, 1, 1_000, "count of web's group cache")
                        .in("allocations"),
                Knob.ofInt("cacheMaxParallel", 2, 1, 1_000,
                        "migrate max_parallel of group cache").in("allocations"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time of both groups"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so web lands on A and B"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "A drained (deadline 1 h)"),
                Knob.ofInt("flips", 3, 0, 100,
                        "eligibility flips of B or a spare during the drain (each flips back)")
                        .in("flips"),
                Knob.ofLong("flipWindowMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "flips start within this long after the drain")), 900_000);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.SPREAD);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        long minHealthy = config.longValue("minHealthyTimeMillis");
        List<JobSpec> web = List.of(
                NomadKnobs.service("api", config.intValue("apiCount"), 100,
                        config.intValue("apiMaxParallel"), minHealthy, 300_000, 0),
                NomadKnobs.service("cache", config.intValue("cacheCount"), 300,
                        config.intValue("cacheMaxParallel"), minHealthy, 300_000, 0));
        List<JobSpec> agent = List.of(JobSpec.system("logs", 100, 64),
                JobSpec.system("metrics", 50, 64));
        // Registered as NomadKnobs.registerJobsLater does, once every node heartbeated.
        Simulation sim = cluster.sim();
        int kind = sim.registerKind("scenario.register-job-groups", (entity, payload) -> {
            cluster.state().registerJob("web", web);
            cluster.state().registerJob("agent", agent);
        });
        sim.post(SimTime.millis(NomadKnobs.JOBS_AT_MILLIS), kind, 0, 0);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_B + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        long drainAt = config.longValue("drainAtMillis");
        actions.add(new EligibilityFlip(drainAt, NODE_A, false));
        actions.add(Drain.deadline(drainAt, NODE_A, DrainSpec.DEFAULT_DEADLINE_MILLIS, false));
        for (int i = 0; i < config.intValue("flips"); i++) {
            int node = NODE_B + faults.nextInt(cluster.nodeSlotCount() - NODE_B);
            long at = drainAt + faults.uniformLong(0, config.longValue("flipWindowMillis"));
            actions.add(new EligibilityFlip(at, node, false));
            actions.add(new EligibilityFlip(at + faults.uniformLong(1, FLIP_BACK_MILLIS_MAX),
                    node, true));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = Math.max(config.longValue("drainAtMillis")
                + config.longValue("flipWindowMillis") + FLIP_BACK_MILLIS_MAX,
                config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
