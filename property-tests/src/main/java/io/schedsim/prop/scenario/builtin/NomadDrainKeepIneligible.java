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
 * SC-5, Nomad's e2e {@code TestNodeDrain/KeepIneligible} and its controls. Node X (slot 0) runs
 * a service allocation and a batch allocation (the batch one keeps the drain open until it
 * finishes); {@code drain -enable -detach} (1 h) at {@code drainAtMillis}, then at
 * {@code actionAtMillis} one operator call, by case: {@code keep-ineligible}
 * ({@code drain -disable -keep-ineligible}, also what HTTP disable without MarkEligible does) →
 * drain off, X ineligible; {@code disable} (CLI {@code -disable}) → drain off, X eligible plus
 * node evals; {@code eligible-while-draining} ({@code eligibility -enable}) → rejected, no change;
 * {@code complete} (no call) → the drain completes when the batch finishes and X stays ineligible
 * (N-2, N-5, N-6, N-21).
 */
public final class NomadDrainKeepIneligible extends BuiltInScenario {
    static final int NODE_X = 0;

    @Override
    public String name() {
        return "nomad-drain-keep-ineligible";
    }

    @Override
    public String description() {
        return "SC-5: drain -disable -keep-ineligible keeps X ineligible; controls as cases";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                CaseKnob.of("keep-ineligible", List.of("keep-ineligible", "disable",
                        "eligible-while-draining", "complete"),
                        "the operator call at actionAtMillis (complete: none)"),
                Knob.ofInt("nodes", 3, 2, 1_000, "nodes: X and the spares").in("nodes"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time of the service job"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of both jobs"),
                Knob.ofLong("batchRunMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "run time of the batch allocation that keeps the drain open"),
                Knob.ofLong("sparesReadyAtMillis", 30_000, 0, NomadKnobs.DAY_MILLIS,
                        "spares are ineligible until then, so both jobs land on X"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "drain -enable -detach of X (default deadline 1 h)"),
                Knob.ofLong("actionAtMillis", 90_000, 1, NomadKnobs.DAY_MILLIS,
                        "the case's operator call (before the batch finishes)")), 600_000);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false);
        }
        long stop = config.longValue("stopLatencyMillis");
        jobs.add(NomadKnobs.service("service-job", 1, 500, 1,
                config.longValue("minHealthyTimeMillis"), 300_000, stop));
        jobs.add(JobSpec.batch("batch-job", 1, 500, 256,
                config.longValue("batchRunMillis")).withStopLatency(stop));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>(NomadKnobs.ineligibleUntil(
                NomadKnobs.slots(NODE_X + 1, cluster.nodeSlotCount()),
                config.longValue("sparesReadyAtMillis")));
        actions.add(Drain.deadline(config.longValue("drainAtMillis"), NODE_X,
                DrainSpec.DEFAULT_DEADLINE_MILLIS, false));
        long at = config.longValue("actionAtMillis");
        switch (CaseKnob.of(config)) {
            case "keep-ineligible":
                actions.add(Drain.cancel(at, NODE_X, false));
                break;
            case "disable":
                actions.add(Drain.cancel(at, NODE_X, true));
                break;
            case "eligible-while-draining":
                actions.add(new EligibilityFlip(at, NODE_X, true));
                break;
            case "complete":
                break;
            default:
                throw new AssertionError(CaseKnob.of(config));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = Math.max(config.longValue("actionAtMillis"), Math.max(
                config.longValue("drainAtMillis"), config.longValue("sparesReadyAtMillis")));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
