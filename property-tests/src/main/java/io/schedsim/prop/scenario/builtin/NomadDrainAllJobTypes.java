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

/**
 * SC-14, every job type on a draining node (nomad:nomad/drainer_int_test.go; e2e KillTimeout).
 * n1 (slot 0) runs a service job (count 2), a system job and, in cases a and b, a batch job
 * (count 2); n2 (slot 1) is held ineligible and joins the Ready set when n1 is drained. Case
 * {@code a}: deadline 2 s → n2 gets 2 service + 1 system allocations, batch is not replaced, the
 * drain ends with {@code deadline_reached}. Case {@code b}: {@code -no-deadline} → only the
 * service allocations move, batch runs to completion, then the drain completes without
 * {@code deadline_reached}. Case {@code c} (no batch job, n2 Ready throughout): a 30 s stop
 * latency and the default 1 h deadline → the drain stays set at least 25 s, migration ends within
 * 60 s and the drain clears within 10 s after that (N-9..N-11, N-16..N-18).
 */
public final class NomadDrainAllJobTypes extends BuiltInScenario {
    static final int NODE_N1 = 0;
    static final int NODE_N2 = 1;

    @Override
    public String name() {
        return "nomad-drain-all-job-types";
    }

    @Override
    public String description() {
        return "SC-14: service, system and batch on a draining node; deadline, none, kill timeout";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                CaseKnob.of("a", List.of("a", "b", "c"),
                        "a: deadline 2 s; b: -no-deadline; c: 30 s stop latency, deadline 1 h"),
                Knob.ofInt("serviceCount", 2, 1, 1_000, "service job count").in("allocations"),
                Knob.ofInt("batchCount", 2, 0, 1_000, "batch job count (cases a and b)")
                        .in("allocations"),
                Knob.ofLong("batchRunMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of a batch allocation"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time of the service job"),
                Knob.ofLong("stopLatencyMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of every task (e2e KillTimeout: 30 s)"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "drain of n1; n2 turns eligible at the same instant (a, b)"),
                Knob.ofLong("drainDeadlineMillis", 2_000, 1, NomadKnobs.DAY_MILLIS,
                        "the -deadline of case a")), 900_000);
    }

    private static String picked(ScenarioConfig config) {
        return CaseKnob.of(config);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        long stop = config.longValue("stopLatencyMillis");
        jobs.add(NomadKnobs.service("service-job",
                config.intValue("serviceCount"), 500, 1, config.longValue("minHealthyTimeMillis"),
                300_000, stop));
        jobs.add(JobSpec.system("system-job", 100, 128).withStopLatency(stop));
        if (!picked(config).equals("c") && config.intValue("batchCount") > 0) {
            jobs.add(JobSpec.batch("batch-job", config.intValue("batchCount"),
                    300, 128, config.longValue("batchRunMillis")).withStopLatency(stop));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        long drainAt = config.longValue("drainAtMillis");
        List<FaultAction> actions = new ArrayList<>();
        switch (picked(config)) {
            case "a":
                actions.add(Drain.deadline(drainAt, NODE_N1,
                        config.longValue("drainDeadlineMillis"), false));
                break;
            case "b":
                actions.add(Drain.noDeadline(drainAt, NODE_N1, false));
                break;
            case "c":
                actions.add(Drain.deadline(drainAt, NODE_N1, DrainSpec.DEFAULT_DEADLINE_MILLIS,
                        false));
                break;
            default:
                throw new AssertionError(picked(config));
        }
        if (!picked(config).equals("c")) {
            actions.addAll(0, NomadKnobs.ineligibleUntil(List.of(NODE_N2), drainAt));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        return new Timing(config.longValue("drainAtMillis") + 1, config.longValue("horizonMillis"),
                0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
