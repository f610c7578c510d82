package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.model.Cluster;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import io.schedsim.prop.spec.UserCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A system job updated while a node is ineligible (Nomad e2e
 * {@code TestSystemScheduler/testJobUpdateOnIneligibleNode}; N-23, N-36): a system job runs on
 * every node and a service job beside it; X (slot 0) is made ineligible, then the system job is
 * updated. Case {@code a}: a destructive change: the eligible nodes get the new version on their
 * own node, X's allocation is stopped and not replaced, still at version 0. Case {@code b}: a
 * change Nomad makes in place: the eligible nodes keep their allocations at the new version, X's
 * is stopped. Case {@code c}: X is draining with {@code -ignore-system} (held open by a long
 * batch allocation) rather than only ineligible: a tainted node keeps its old system allocation.
 * Case {@code d}: as {@code a}, then X is made eligible again and gets the new version (N-22).
 */
public final class NomadJobUpdateIneligible extends BuiltInScenario {
    static final int NODE_X = 0;
    static final int SYSTEM_JOB = 0;

    @Override
    public String name() {
        return "nomad-job-update-ineligible";
    }

    @Override
    public String description() {
        return "N-36: a system job updated while a node is ineligible or draining";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                CaseKnob.of("a", List.of("a", "b", "c", "d"),
                        "a: destructive update; b: in-place update; c: X draining with"
                                + " -ignore-system; d: a, then X eligible again"),
                Knob.ofInt("nodes", 3, 2, 1_000, "nodes: X and the others").in("nodes"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of every task"),
                Knob.ofLong("ineligibleAtMillis", 30_000, 1, NomadKnobs.DAY_MILLIS,
                        "eligibility -disable (or the drain, case c) of X"),
                Knob.ofLong("updateAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "job run of the changed system job"),
                Knob.ofLong("eligibleAtMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "case d: eligibility -enable of X")), 600_000);
    }

    /** Judged after every run, by run and sweep alike. */
    @Override
    public List<UserCheck> expectations(ScenarioConfig config) {
        return List.of(UserCheck.of("job-update-ineligible",
                run -> run.history().map(history -> JobUpdateOutcome.judge(history, NODE_X,
                        SYSTEM_JOB, CaseKnob.of(config))).orElse(null)));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        long stop = config.longValue("stopLatencyMillis");
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(JobSpec.system("system-job", 100, 128).withStopLatency(stop));
        jobs.add(NomadKnobs.service("service-job", 1, 500, 1, 10_000, 300_000, stop));
        if (CaseKnob.of(config).equals("c")) {
            // One day-long batch allocation per node, so X's drain stays open (N-17).
            jobs.add(JobSpec.batch("batch-job", config.intValue("nodes"), 100, 128,
                    NomadKnobs.DAY_MILLIS).withStopLatency(stop));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        String picked = CaseKnob.of(config);
        long ineligibleAt = config.longValue("ineligibleAtMillis");
        long updateAt = config.longValue("updateAtMillis");
        List<FaultAction> actions = new ArrayList<>();
        actions.add(picked.equals("c")
                ? Drain.deadline(ineligibleAt, NODE_X, DrainSpec.DEFAULT_DEADLINE_MILLIS, true)
                : new EligibilityFlip(ineligibleAt, NODE_X, false));
        actions.add(picked.equals("b") ? JobUpdateAction.inPlace(updateAt, SYSTEM_JOB)
                : JobUpdateAction.destructive(updateAt, SYSTEM_JOB));
        if (picked.equals("d")) {
            actions.add(new EligibilityFlip(config.longValue("eligibleAtMillis"), NODE_X, true));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long last = Math.max(config.longValue("updateAtMillis"),
                CaseKnob.of(config).equals("d") ? config.longValue("eligibleAtMillis") : 0);
        return new Timing(last + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        // Case c keeps X's drain open for a day: quiescence is enough here.
        return io.schedsim.model.EndOfRun.isQuiescent(cluster);
    }
}
