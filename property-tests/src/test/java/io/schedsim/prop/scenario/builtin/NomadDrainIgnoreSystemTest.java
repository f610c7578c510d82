package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SC-2/2b {@code nomad-drain-ignore-system}: after {@code drain -ignore-system} of the service
 * allocation's node under concurrent eligibility flips, the system job still has exactly N
 * allocations, all running and desired {@code run}, one per node including the drained one, none
 * ever stopped (the job version never changes); the service job has exactly one new allocation,
 * running off the drained node, and the old one is client-complete.
 */
class NomadDrainIgnoreSystemTest {
    static LongStream seeds() {
        return ScenarioRuns.seeds(24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void systemAllocationsSurviveTheDrain(long seed) {
        RunOutcome outcome = ScenarioRuns.runClean("nomad-drain-ignore-system", seed);
        Cluster cluster = outcome.cluster();
        int nodes = cluster.nodeSlotCount();
        List<Alloc> system = ScenarioRuns.allocs(cluster, "system-job");
        assertEquals(nodes, system.size(), "a system allocation was stopped and re-placed");
        for (int slot = 0; slot < nodes; slot++) {
            List<Alloc> onNode = ScenarioRuns.liveOn(cluster, "system-job", slot);
            assertEquals(1, onNode.size(), "system allocations on node " + slot);
            assertEquals(DesiredStatus.RUN, onNode.get(0).desired());
            assertEquals(ClientStatus.RUNNING, onNode.get(0).client());
        }

        List<Alloc> service = ScenarioRuns.allocs(cluster, "service-job");
        assertEquals(2, service.size(), "the original and exactly one new service allocation");
        Alloc original = service.get(0);
        Alloc replacement = service.get(1);
        assertEquals(NomadDrainIgnoreSystem.DRAINED_NODE, original.node());
        assertEquals(ClientStatus.COMPLETE, original.client());
        assertEquals(original.id(), replacement.previousAlloc());
        assertEquals(ClientStatus.RUNNING, replacement.client());
        assertEquals(DesiredStatus.RUN, replacement.desired());
        assertNotEquals(NomadDrainIgnoreSystem.DRAINED_NODE, replacement.node());
    }
}
