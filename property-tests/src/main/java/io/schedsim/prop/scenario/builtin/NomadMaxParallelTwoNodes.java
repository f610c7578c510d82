package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
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
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SC-6, job-wide {@code max_parallel} (N-13, N-14; nomad#26175, {@code TestDrainingJobWatcher_
 * DrainJobs}). Case {@code a}: one service job (count 4, max_parallel 1) with two allocations
 * on each of A (slot 0) and B (slot 1); both are made ineligible first (N-23), A is drained, then
 * B {@code secondDrainAfterMillis} later, before A's first replacement has health. At no time may
 * more than max_parallel marked allocations wait for a healthy replacement (INV-4, checked at
 * every mark). Case {@code b}: two jobs × count 8, max_parallel 3, all on A, one drain: marks
 * come in waves of 6, 6 and 4, each after the previous replacements are healthy (INV-5). Knobs
 * at 0 take the case's value from SEMANTICS.
 */
public final class NomadMaxParallelTwoNodes extends BuiltInScenario {
    static final int NODE_A = 0;
    static final int NODE_B = 1;

    @Override
    public String name() {
        return "nomad-max-parallel-two-nodes";
    }

    @Override
    public String description() {
        return "SC-6: max_parallel is job-wide across draining nodes (nomad#26175); b: waves";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                CaseKnob.of("a", List.of("a", "b"),
                        "a: count 4 on A and B, two drains; b: 2 jobs x 8 on A, one drain"),
                Knob.ofInt("nodes", 4, 3, 1_000, "nodes: A, B and the spares").in("nodes"),
                Knob.ofInt("jobs", 0, 0, 100, "service jobs; 0 = the case's (a: 1, b: 2)")
                        .in("jobs"),
                Knob.ofInt("serviceCount", 0, 0, 1_000,
                        "count of each job; 0 = the case's (a: 4, b: 8)").in("allocations"),
                Knob.ofInt("maxParallel", 0, 0, 1_000,
                        "migrate max_parallel; 0 = the case's (a: 1, b: 3)").in("allocations"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of the service task"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so the jobs land on A (and B)"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "A (and B) made ineligible, then A drained (deadline 1 h)"),
                Knob.ofLong("secondDrainAfterMillis", 5_000, 0, NomadKnobs.DAY_MILLIS,
                        "case a: B is drained this long after A")), 900_000);
    }

    private static boolean caseA(ScenarioConfig config) {
        return CaseKnob.of(config).equals("a");
    }

    private static int orCase(ScenarioConfig config, String knob, int a, int b) {
        int value = config.intValue(knob);
        return value > 0 ? value : caseA(config) ? a : b;
    }

    /** The job shape after the case filled in the knobs left at 0. */
    @Override
    protected Map<String, Object> resolved(ScenarioConfig config, Cluster cluster, FaultPlan plan,
            Timing timing) {
        Map<String, Object> resolved = super.resolved(config, cluster, plan, timing);
        resolved.put("jobs", orCase(config, "jobs", 1, 2));
        resolved.put("serviceCount", orCase(config, "serviceCount", 4, 8));
        resolved.put("maxParallel", orCase(config, "maxParallel", 1, 3));
        return resolved;
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.SPREAD);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        int count = orCase(config, "serviceCount", 4, 8);
        int maxParallel = orCase(config, "maxParallel", 1, 3);
        for (int j = 0; j < orCase(config, "jobs", 1, 2); j++) {
            jobs.add(NomadKnobs.service("service-" + j, count, 100,
                    maxParallel, config.longValue("minHealthyTimeMillis"), 300_000,
                    config.longValue("stopLatencyMillis")));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        boolean a = caseA(config);
        int firstSpare = a ? NODE_B + 1 : NODE_A + 1;
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(firstSpare, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        long drainAt = config.longValue("drainAtMillis");
        long deadline = DrainSpec.DEFAULT_DEADLINE_MILLIS;
        actions.add(new EligibilityFlip(drainAt, NODE_A, false));
        if (a) {
            actions.add(new EligibilityFlip(drainAt, NODE_B, false));
        }
        actions.add(Drain.deadline(drainAt, NODE_A, deadline, false));
        if (a) {
            actions.add(Drain.deadline(drainAt + config.longValue("secondDrainAfterMillis"),
                    NODE_B, deadline, false));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastDrain = config.longValue("drainAtMillis")
                + (caseA(config) ? config.longValue("secondDrainAfterMillis") : 0);
        long lastAction = Math.max(lastDrain, config.longValue("sparesReadyAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
