package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-14 {@code nomad-drain-all-job-types} (drainer_int_test.go; e2e KillTimeout): (a) with a 2 s
 * deadline n2 ends with 2 service + 1 system allocations, batch is stopped and not replaced, the
 * drain ends with {@code deadline_reached}; (b) without deadline only the service allocations
 * move, batch runs to completion, then the drain completes without {@code deadline_reached}; (c)
 * with a 30 s stop latency the drain stays set ≥ 25 s, migration ends within 60 s and the drain
 * clears within 10 s after that.
 */
class NomadDrainAllJobTypesTest {
    private static final int N1 = NomadDrainAllJobTypes.NODE_N1;
    private static final int N2 = NomadDrainAllJobTypes.NODE_N2;
    private static final long DRAIN_AT = SimTime.seconds(60);

    @ParameterizedTest(name = "variant {0}, seed {2}")
    @CsvSource({"a, deadline_reached=true, 1", "a, deadline_reached=true, 2",
        "a, deadline_reached=true, 3", "b, '', 1", "b, '', 2", "b, '', 3"})
    void n2GetsServiceAndSystemButNoBatch(String variant, String detail, long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-drain-all-job-types", seed,
                "variant=" + variant).cluster();
        assertEquals(2, ScenarioRuns.liveOn(cluster, "service-job", N2).size());
        assertEquals(1, ScenarioRuns.liveOn(cluster, "system-job", N2).size());
        assertEquals(0, ScenarioRuns.liveOn(cluster, "batch-job", N2).size());
        List<Alloc> batch = ScenarioRuns.allocs(cluster, "batch-job");
        assertEquals(2, batch.size(), "batch was replaced");
        for (Alloc alloc : batch) {
            assertEquals(N1, alloc.node());
            assertEquals(ClientStatus.COMPLETE, alloc.client());
            // a: stopped at the deadline; b: never stopped, it ran to completion.
            assertEquals(variant.equals("a") ? DesiredStatus.STOP : DesiredStatus.RUN,
                    alloc.desired());
        }
        List<NodeEvent> completions = ScenarioRuns.events(cluster, N1,
                NodeEvent.Kind.DRAIN_COMPLETE);
        assertEquals(1, completions.size());
        assertEquals(detail, completions.get(0).detail());
        if (variant.equals("a")) {
            assertEquals(DRAIN_AT + SimTime.seconds(2), completions.get(0).atNanos());
        } else {
            long batchDone = Math.max(batch.get(0).modifiedNanos(), batch.get(1).modifiedNanos());
            assertTrue(completions.get(0).atNanos() >= batchDone, "completed before batch");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void killTimeoutKeepsTheDrainUntilTheTasksStop(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-drain-all-job-types", seed, "variant=c")
                .cluster();
        long completeAt = ScenarioRuns.onlyEventAt(cluster, N1, NodeEvent.Kind.DRAIN_COMPLETE);
        assertTrue(completeAt - DRAIN_AT >= SimTime.seconds(25), SimTime.format(completeAt));
        long migrated = 0;
        for (Alloc alloc : ScenarioRuns.allocs(cluster, "service-job")) {
            if (alloc.node() == N1) {
                assertEquals(ClientStatus.COMPLETE, alloc.client());
                migrated = Math.max(migrated, alloc.modifiedNanos());
            }
        }
        assertTrue(migrated - DRAIN_AT <= SimTime.seconds(60), SimTime.format(migrated));
        assertTrue(completeAt - migrated <= SimTime.seconds(10), SimTime.format(completeAt));
        assertEquals(2, ScenarioRuns.liveOn(cluster, "service-job", N2).size());
    }
}
