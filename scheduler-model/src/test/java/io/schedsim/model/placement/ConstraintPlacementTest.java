package io.schedsim.model.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.NodeAttributes;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N-35 in placement and in the system scheduler, against Nomad's vectors:
 * {@code TestDistinctHostsIterator_TaskGroupDistinctHosts} (feasible_test.go),
 * {@code TestSystemSched_ConstraintErrors} and {@code TestSystemSched_Queued_With_Constraints}
 * (scheduler_system_test.go), and the model's own INV-1 check of a placement that breaks them.
 */
class ConstraintPlacementTest {
    /** Ready nodes with the given attributes, one per entry, after one simulated second. */
    private static Cluster started(List<NodeAttributes> nodes) {
        Cluster cluster = Cluster.create(new Simulation(7), NomadClusters.config(),
                ModelComponents.defaults());
        for (NodeAttributes attributes : nodes) {
            cluster.addNode(NomadClusters.NODE_CPU_MILLI, NomadClusters.NODE_MEM_MB, false,
                    attributes);
        }
        cluster.start();
        cluster.sim().runUntil(SimTime.seconds(1));
        return cluster;
    }

    private static List<Integer> nodesOf(Cluster cluster, Job job) {
        return cluster.state().allocs().all().stream()
                .filter(a -> a.job() == job && !a.isTerminal()).map(Alloc::node).sorted()
                .toList();
    }

    /**
     * TestDistinctHostsIterator_TaskGroupDistinctHosts: a planned allocation of the group on
     * node 0 takes it; one of another job on node 1 does not; a group without the constraint
     * finds both nodes free.
     */
    @Test
    void distinctHostsCountsOnlyTheGroupsOwnProposedAllocations() {
        Cluster cluster = started(List.of(NodeAttributes.NONE, NodeAttributes.NONE));
        Job foo = cluster.state().registerJob(JobSpec.service("foo", 5, 100, 64)
                .withConstraints(List.of(Constraint.distinctHosts())));
        Job bar = cluster.state().registerJob(JobSpec.service("bar", 5, 100, 64));
        cluster.state().placeAlloc(bar, cluster.node(1), Alloc.NONE, 0);
        BitSet plannedFoo = new BitSet();
        plannedFoo.set(0);
        assertEquals(List.of(0), DistinctHosts.taken(foo, cluster.state(), plannedFoo).stream()
                .boxed().toList());
        assertTrue(DistinctHosts.taken(bar, cluster.state(), plannedFoo).isEmpty());
        long[] none = new long[2];
        assertEquals(1, ScoredPlacement.binPack().pick(foo, cluster.state(), none, none,
                plannedFoo));
    }

    /**
     * TestSystemSched_ConstraintErrors: four nodes tagged aaaaaa, foo, foo, foo, the last one
     * ineligible; a system job constrained to {@code ${meta.tag} = foo} runs on the two eligible
     * foo nodes, and nothing is left unplaced (no blocked evaluation).
     */
    @Test
    void systemJobRunsOnEligibleNodesMeetingItsConstraint() {
        Cluster cluster = started(List.of(NodeAttributes.NONE.with("meta.tag", "aaaaaa"),
                NodeAttributes.NONE.with("meta.tag", "foo"),
                NodeAttributes.NONE.with("meta.tag", "foo"),
                NodeAttributes.NONE.with("meta.tag", "foo")));
        cluster.updateEligibility(3, false);
        Job web = cluster.state().registerJob(JobSpec.system("web", 100, 64)
                .withConstraints(List.of(new Constraint("${meta.tag}", "=", "foo"))));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(10));
        assertEquals(List.of(1, 2), nodesOf(cluster, web));
        assertEquals(0, cluster.broker().blockedCount());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /**
     * TestSystemSched_Queued_With_Constraints: the only node is darwin, the system job wants
     * linux; nothing is placed and nothing queued (an infeasible node is no placement failure,
     * N-37).
     */
    @Test
    void systemJobWithNoMatchingNodeQueuesNothing() {
        Cluster cluster = started(List.of(NodeAttributes.NONE.with("attr.kernel.name",
                "darwin")));
        Job web = cluster.state().registerJob(JobSpec.system("web", 100, 64)
                .withConstraints(List.of(new Constraint("${attr.kernel.name}", "=", "linux"))));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(10));
        assertEquals(List.of(), nodesOf(cluster, web));
        assertEquals(0, cluster.broker().blockedCount());
    }

    /**
     * A service group constrained to a class with distinct_hosts and a count above its class's
     * nodes: one allocation per matching node, the rest unplaced (a blocked evaluation).
     */
    @Test
    void serviceGroupUsesOnlyMatchingNodesOncePerNode() {
        Cluster cluster = started(List.of(NodeAttributes.ofClass("a"), NodeAttributes.ofClass("b"),
                NodeAttributes.ofClass("a"), NodeAttributes.ofClass("b")));
        Job web = cluster.state().registerJob(JobSpec.service("web", 3, 100, 64)
                .withConstraints(List.of(Constraint.classIs("b"), Constraint.distinctHosts())));
        cluster.sim().runUntil(cluster.nowNanos() + SimTime.seconds(10));
        assertEquals(List.of(1, 3), nodesOf(cluster, web));
        assertEquals(1, cluster.broker().blockedCount());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    /** The state store's online check: a placement on a node of the wrong class is INV-1. */
    @Test
    void placementOnANodeFailingTheConstraintIsAnInv1Violation() {
        Cluster cluster = started(List.of(NodeAttributes.ofClass("a"),
                NodeAttributes.ofClass("b")));
        Job web = cluster.state().registerJob(JobSpec.service("web", 0, 100, 64)
                .withConstraints(List.of(Constraint.classIs("b"), Constraint.distinctHosts())));
        cluster.state().placeAlloc(web, cluster.node(1), Alloc.NONE, 0);
        assertEquals(List.of(), cluster.monitor().violations());
        cluster.state().placeAlloc(web, cluster.node(0), Alloc.NONE, 0);
        cluster.state().placeAlloc(web, cluster.node(1), Alloc.NONE, 0);
        assertEquals(List.of("INV-1", "INV-1"), cluster.monitor().violations().stream()
                .map(v -> v.invariant()).toList());
        assertEquals(ClientStatus.PENDING, cluster.state().allocs().get(0).client());
    }
}
