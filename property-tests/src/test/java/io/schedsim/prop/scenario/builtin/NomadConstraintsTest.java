package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.Cluster;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nomad-constraints} (N-35, N-37, INV-1, INV-27): whatever the seed draws, every
 * allocation ran on a node of its group's class, never two live service allocations shared a
 * node (distinct_hosts), and once every node is eligible again each general node holds exactly one
 * system allocation, each gpu node none, and the service job runs its count.
 */
class NomadConstraintsTest {
    static java.util.stream.LongStream seeds() {
        return ScenarioRuns.seeds(12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void allocationsFollowTheirConstraints(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-constraints", seed).cluster();
        for (Alloc alloc : ScenarioRuns.allocs(cluster, "system-job")) {
            assertEquals(NomadConstraints.SYSTEM_CLASS, nodeClass(cluster, alloc),
                    alloc.toString());
        }
        for (Alloc alloc : ScenarioRuns.allocs(cluster, "service-job")) {
            assertEquals(NomadConstraints.SERVICE_CLASS, nodeClass(cluster, alloc),
                    alloc.toString());
        }
        Set<Integer> serviceNodes = new HashSet<>();
        for (Alloc alloc : ScenarioRuns.live(cluster, "service-job")) {
            assertTrue(serviceNodes.add(alloc.node()), "two service allocations on node "
                    + alloc.node());
        }
        assertEquals(2, serviceNodes.size(), "service count (3 gpu nodes - 1)");
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            Node node = cluster.node(slot);
            assertTrue(node.isReady(), node + " eligible again at the end");
            int expected = node.attributes().nodeClass().equals(NomadConstraints.SYSTEM_CLASS)
                    ? 1 : 0;
            assertEquals(expected, ScenarioRuns.liveOn(cluster, "system-job", slot).size(),
                    "system allocations on " + node);
        }
    }

    /** Without distinct_hosts the service count is the class's node count, placed anywhere. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void withoutDistinctHostsTheServiceStaysOnItsClass(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-constraints", seed, "distinctHosts=false")
                .cluster();
        assertEquals(3, ScenarioRuns.live(cluster, "service-job").size());
        for (Alloc alloc : ScenarioRuns.allocs(cluster, "service-job")) {
            assertEquals(NomadConstraints.SERVICE_CLASS, nodeClass(cluster, alloc),
                    alloc.toString());
        }
    }

    private static String nodeClass(Cluster cluster, Alloc alloc) {
        return cluster.node(alloc.node()).attributes().nodeClass();
    }
}
