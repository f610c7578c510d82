package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.state.Alloc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-9 {@code nomad-system-replaced-on-eligible} (nomad#27499, nomad#27488): once X is eligible
 * again, by {@code eligibility -enable} after the drain (a) or {@code drain -disable} before its
 * completion (b), X holds exactly one running system allocation and the service eval that was
 * blocked while X was the only node big enough is unblocked onto X.
 */
class NomadSystemReplacedOnEligibleTest {
    private static final int X = NomadSystemReplacedOnEligible.NODE_X;

    @ParameterizedTest(name = "variant {0}, seed {2}")
    @CsvSource({"a, COMPLETE, 1", "a, COMPLETE, 2", "a, COMPLETE, 3",
        "b, CANCELED, 1", "b, CANCELED, 2", "b, CANCELED, 3"})
    void xRegainsItsSystemAllocationAndTheBlockedService(String variant,
            LastDrainStatus lastDrain, long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-system-replaced-on-eligible", seed,
                "variant=" + variant).cluster();
        assertTrue(cluster.node(X).eligible());
        assertFalse(cluster.node(X).draining());
        assertEquals(lastDrain, cluster.node(X).lastDrain());
        List<Alloc> system = ScenarioRuns.liveOn(cluster, "system-job", X);
        assertEquals(1, system.size(), "system allocations on X");
        assertEquals(ClientStatus.RUNNING, system.get(0).client());
        int nodes = cluster.nodeSlotCount();
        // a: X's allocation was stopped by the drain and placed again; b: never stopped.
        int expected = variant.equals("a") ? nodes + 1 : nodes;
        assertEquals(expected, ScenarioRuns.allocs(cluster, "system-job").size());
        List<Alloc> service = ScenarioRuns.live(cluster, "service-job");
        assertEquals(1, service.size());
        assertEquals(X, service.get(0).node(), "the blocked service eval was not unblocked");
        assertEquals(ClientStatus.RUNNING, service.get(0).client());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void drainedXHoldsNoSystemAllocationUntilEligible(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-system-replaced-on-eligible", seed,
                "variant=a", "horizonMillis=119999").cluster();
        assertFalse(cluster.node(X).eligible(), "completion keeps X ineligible");
        assertEquals(LastDrainStatus.COMPLETE, cluster.node(X).lastDrain());
        assertEquals(0, ScenarioRuns.liveOn(cluster, "system-job", X).size());
        Alloc stopped = ScenarioRuns.allocs(cluster, "system-job").stream()
                .filter(a -> a.node() == X).findFirst().orElseThrow();
        assertEquals(DesiredStatus.STOP, stopped.desired());
        assertTrue(stopped.migrate(), "stopped by the drain, last");
        assertEquals(0, ScenarioRuns.live(cluster, "service-job").size(),
                "the service replacement has nowhere to go while X is ineligible");
        assertEquals(1, cluster.broker().blockedCount());
    }
}
