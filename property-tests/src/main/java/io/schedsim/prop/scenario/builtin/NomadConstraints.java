package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.model.Cluster;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraints on node classes (N-35, N-37, INV-1, INV-27; Nomad's feasible.go ConstraintChecker
 * and DistinctHostsIterator): nodes of two classes alternate by slot (even slots
 * {@value #SYSTEM_CLASS}, odd {@value #SERVICE_CLASS}), so a placement that ignores constraints
 * lands on the wrong class at once (bin-pack picks the lowest slot on a tie). A system job is
 * constrained to {@code ${node.class} = }{@value #SYSTEM_CLASS}; a service job to
 * {@code ${node.class} != }{@value #SYSTEM_CLASS} with distinct_hosts, one allocation fewer than
 * its class has nodes. During the race window the seed draws drains (with a deadline, half of them
 * -ignore-system) of nodes of either class and eligibility flips on any node; after every deadline
 * has passed each node is made eligible again. Expected: every allocation on a node of its
 * group's class, never two service allocations on one node, and at the end one system allocation
 * on each Ready node of its class and none elsewhere (INV-27 counts only matching nodes); the
 * service count is met when its class has enough Ready nodes free (INV-24).
 */
public final class NomadConstraints extends BuiltInScenario {
    static final String SYSTEM_CLASS = "general";
    static final String SERVICE_CLASS = "gpu";
    private static final long RACE_AT_MILLIS = 60_000;
    private static final long DRAIN_DEADLINE_MILLIS_MIN = 5_000;
    private static final long DRAIN_DEADLINE_MILLIS_MAX = 60_000;

    @Override
    public String name() {
        return "nomad-constraints";
    }

    @Override
    public String description() {
        return "N-35: system and service jobs constrained to a node class while nodes drain"
                + " and flip";
    }

    @Override
    public List<Knob> knobs() {
        return NomadKnobs.with(List.of(
                Knob.ofInt("nodesPerClass", 3, 2, 500, "nodes of each of the two classes")
                        .in("nodes"),
                Knob.ofBoolean("distinctHosts", true,
                        "the service group has distinct_hosts (count: its class's nodes - 1)"),
                Knob.ofInt("drains", 3, 0, 1_000, "drains drawn in the race window, on nodes of"
                        + " either class, deadline in [5 s, 60 s]").in("API calls"),
                Knob.ofInt("flips", 8, 0, 10_000, "eligibility calls drawn in the race window;"
                        + " then one re-enable per node (resolved.faultActions)").in("API calls"),
                Knob.ofLong("raceWindowMillis", 120_000, 1, NomadKnobs.DAY_MILLIS,
                        "drains and flips fall within this window from 60 s")), 1_800_000);
    }

    @Override
    protected ClusterConfig clusterConfig(ScenarioConfig config) {
        return NomadKnobs.config(config, PlacementKind.BIN_PACK);
    }

    @Override
    protected void populate(Cluster cluster, ScenarioConfig config, SimRandom workload) {
        int perClass = config.intValue("nodesPerClass");
        for (int i = 0; i < 2 * perClass; i++) {
            String nodeClass = i % 2 == 0 ? SYSTEM_CLASS : SERVICE_CLASS;
            cluster.addNode(NomadKnobs.NODE_CPU_MILLI, NomadKnobs.NODE_MEM_MB, false,
                    NodeAttributes.ofClass(nodeClass).with("attr.kernel.name", "linux"));
        }
        List<Constraint> serviceConstraints = new ArrayList<>();
        serviceConstraints.add(Constraint.classIsNot(SYSTEM_CLASS));
        int serviceCount = perClass;
        if (config.booleanValue("distinctHosts")) {
            serviceConstraints.add(Constraint.distinctHosts());
            serviceCount = perClass - 1;
        }
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(JobSpec.system("system-job", 100, 128)
                .withConstraints(List.of(Constraint.classIs(SYSTEM_CLASS))));
        jobs.add(NomadKnobs.service("service-job", serviceCount, 500, 1, 10_000, 300_000, 0)
                .withConstraints(serviceConstraints));
        NomadKnobs.registerJobsLater(cluster, jobs);
    }

    @Override
    protected FaultPlan faultPlan(ScenarioConfig config, SimRandom faults, Cluster cluster) {
        int nodes = cluster.nodeSlotCount();
        long window = config.longValue("raceWindowMillis");
        List<FaultAction> actions = new ArrayList<>();
        for (int i = 0; i < config.intValue("drains"); i++) {
            long at = RACE_AT_MILLIS + faults.nextLong(window);
            int node = faults.nextInt(nodes);
            long deadline = DRAIN_DEADLINE_MILLIS_MIN
                    + faults.nextLong(DRAIN_DEADLINE_MILLIS_MAX - DRAIN_DEADLINE_MILLIS_MIN + 1);
            actions.add(Drain.deadline(at, node, deadline, faults.chance(0.5)));
        }
        for (int i = 0; i < config.intValue("flips"); i++) {
            long at = RACE_AT_MILLIS + faults.nextLong(window);
            actions.add(new EligibilityFlip(at, faults.nextInt(nodes), faults.chance(0.5)));
        }
        long enableAt = reEnableAtMillis(config);
        for (int node = 0; node < nodes; node++) {
            actions.add(new EligibilityFlip(enableAt, node, true));
        }
        return new FaultPlan(actions);
    }

    /** After every drain's deadline and its coalesce and batch windows (N-19). */
    private static long reEnableAtMillis(ScenarioConfig config) {
        return RACE_AT_MILLIS + config.longValue("raceWindowMillis") + DRAIN_DEADLINE_MILLIS_MAX
                + config.longValue("drainDeadlineCoalesceWindowMillis")
                + config.longValue("drainBatchUpdateIntervalMillis") + 1_000;
    }

    @Override
    protected Timing timing(ScenarioConfig config) {
        long horizon = config.longValue("horizonMillis");
        return new Timing(Math.min(reEnableAtMillis(config) + 1, horizon), horizon, 0);
    }

    @Override
    protected boolean finished(Cluster cluster) {
        return NomadKnobs.settled(cluster);
    }
}
