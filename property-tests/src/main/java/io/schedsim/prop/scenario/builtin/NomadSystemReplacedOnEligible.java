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
 * SC-9, system allocations come back when a drained node turns eligible (nomad#27499,
 * nomad#27488). A system job runs on every node; X (slot 0) is the only node big enough for the
 * service job, so when X is drained (no {@code -ignore-system}) the service replacement has
 * nowhere to go and its eval blocks. Case {@code a}: the drain completes, X's system
 * allocation is stopped last and not replaced, X stays ineligible; then {@code eligibility
 * -enable} X. Case {@code b}: a batch allocation on X keeps the drain open and
 * {@code drain -disable} (markEligible) comes before completion. Either way X ends with exactly
 * one system allocation and the blocked service eval is unblocked onto X (N-7, N-22, INV-27).
 */
public final class NomadSystemReplacedOnEligible extends BuiltInScenario {
    static final int NODE_X = 0;

    @Override
    public String name() {
        return "nomad-system-replaced-on-eligible";
    }

    @Override
    public String description() {
        return "SC-9: X regains its system alloc and blocked evals when made eligible again";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                CaseKnob.of("a", List.of("a", "b"),
                        "a: eligibility -enable after completion; b: drain -disable before it"),
                Knob.ofInt("nodes", 3, 2, 1_000, "nodes: X and the small ones").in("nodes"),
                Knob.ofLong("nodeXCpuMilli", 8_000, 1, 1_000_000, "CPU of X"),
                Knob.ofLong("otherNodeCpuMilli", 2_000, 1, 1_000_000,
                        "CPU of every other node: too small for the service and batch jobs"),
                Knob.ofLong("serviceCpuMilli", 3_000, 1, 1_000_000, "CPU of the service alloc"),
                Knob.ofLong("batchCpuMilli", 2_500, 1, 1_000_000,
                        "CPU of the batch alloc (case b)"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, NomadKnobs.DAY_MILLIS,
                        "migrate min_healthy_time of the service job"),
                Knob.ofLong("stopLatencyMillis", 0, 0, NomadKnobs.DAY_MILLIS,
                        "kill_timeout/shutdown_delay of every task"),
                Knob.ofLong("drainAtMillis", 60_000, 1, NomadKnobs.DAY_MILLIS,
                        "drain of X (deadline 1 h, system jobs included)"),
                Knob.ofLong("eligibleAtMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "a: eligibility -enable of X; b: drain -disable of X")), 600_000);
    }

    private static boolean caseB(ScenarioConfig config) {
        return CaseKnob.of(config).equals("b");
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        cluster.addNode(config.longValue("nodeXCpuMilli"), NomadKnobs.NODE_MEM_MB, false);
        for (int i = 1; i < config.intValue("nodes"); i++) {
            cluster.addNode(config.longValue("otherNodeCpuMilli"), NomadKnobs.NODE_MEM_MB, false);
        }
        long stop = config.longValue("stopLatencyMillis");
        jobs.add(JobSpec.system("system-job", 100, 128).withStopLatency(stop));
        jobs.add(NomadKnobs.service("service-job", 1,
                config.longValue("serviceCpuMilli"), 1, config.longValue("minHealthyTimeMillis"),
                300_000, stop));
        if (caseB(config)) {
            jobs.add(JobSpec.batch("batch-job", 1,
                    config.longValue("batchCpuMilli"), 128, 3_600_000).withStopLatency(stop));
        }
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<FaultAction> actions = new ArrayList<>();
        actions.add(Drain.deadline(config.longValue("drainAtMillis"), NODE_X,
                DrainSpec.DEFAULT_DEADLINE_MILLIS, false));
        long eligibleAt = config.longValue("eligibleAtMillis");
        actions.add(caseB(config) ? Drain.cancel(eligibleAt, NODE_X, true)
                : new EligibilityFlip(eligibleAt, NODE_X, true));
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long lastAction = Math.max(config.longValue("drainAtMillis"),
                config.longValue("eligibleAtMillis"));
        return new Timing(lastAction + 1, config.longValue("horizonMillis"), 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
