package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.DrainRacePlan;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * SC-2 with SC-2b, Nomad's e2e {@code TestNodeDrain/IgnoreSystem}: a system job on N nodes and a
 * service job of count 1, registered once every node is Ready; {@code drain -ignore-system} of the
 * service allocation's node (node 0: bin-pack on equal, empty nodes picks the lowest slot) while
 * operator calls flip eligibility of random nodes, the drained one included. The flips end before
 * the run does and leave every node but the drained one eligible. Expected: N system allocations
 * running, exactly 1 service.
 */
public final class NomadDrainIgnoreSystem extends BuiltInScenario {
    static final int DRAINED_NODE = 0;

    @Override
    public String name() {
        return "nomad-drain-ignore-system";
    }

    @Override
    public String description() {
        return "SC-2/2b: drain -ignore-system under concurrent eligibility flips keeps N system allocs";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.ofInt("nodes", 4, 2, 1_000, "Ready Linux nodes, each running the system job")
                        .in("nodes"),
                Knob.ofLong("drainAtMillis", 60_000, 0, 86_400_000,
                        "when the drain is issued (after the service alloc is healthy)"),
                Knob.ofInt("flips", 12, 0, 10_000, "concurrent eligibility API calls (SC-2b); "
                        + "then one re-enable per other node (resolved.faultActions)")
                        .in("API calls"),
                Knob.ofLong("flipWindowMillis", 60_000, 1, 86_400_000,
                        "flips happen within this window after the drain"),
                Knob.ofLong("minHealthyTimeMillis", 10_000, 0, 3_600_000, "migrate min_healthy_time"),
                Knob.ofLong("drainBatchUpdateIntervalMillis", 1_000, 0, 60_000,
                        "Nomad BatchUpdateInterval"),
                Knob.ofLong("horizonMillis", 600_000, 1_000, 86_400_000, "simulated time limit"));
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        ClusterConfig cluster = new ClusterConfig();
        cluster.detector = DetectorPolicy.NOMAD_TTL;
        cluster.drainBatchUpdateIntervalMillis = config.longValue("drainBatchUpdateIntervalMillis");
        return cluster;
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < config.intValue("nodes"); i++) {
            cluster.addNode(4_000, 8_192, false);
        }
        jobs.add(JobSpec.system("system-job", 100, 128));
        JobSpec service = JobSpec.service("service-job", 1, 500, 256);
        jobs.add(service.withMigrate(new io.schedsim.model.job.MigrateBlock(
                1, config.longValue("minHealthyTimeMillis"), 300_000)));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        List<Integer> others = new ArrayList<>();
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            if (slot != DRAINED_NODE) {
                others.add(slot);
            }
        }
        long drainAt = config.longValue("drainAtMillis");
        long window = config.longValue("flipWindowMillis");
        FaultPlan race = DrainRacePlan.generate(faults, DRAINED_NODE, others, drainAt, window,
                config.intValue("flips"));
        List<FaultAction> actions = new ArrayList<>(race.actions());
        for (int slot : others) {
            actions.add(new EligibilityFlip(drainAt + window + 1, slot, true));
        }
        return new FaultPlan(actions);
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long healAt = config.longValue("drainAtMillis") + config.longValue("flipWindowMillis") + 2;
        long horizon = config.longValue("horizonMillis");
        return new Timing(Math.min(healAt, horizon), horizon, 0);
    }
}
