package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.Alloc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SC-6 {@code nomad-max-parallel-two-nodes} (N-13, N-14; nomad#26175). A replacement is placed
 * when its original is marked, so replacement creation times show the marks: in variant a (count
 * 4, max_parallel 1, two draining nodes) each one comes at least min_healthy_time after the
 * previous one, never two at once; in variant b (two jobs × 8, max_parallel 3) they come in waves
 * of 6, 6 and 4. INV-4 is checked at every mark by the model.
 */
class NomadMaxParallelTwoNodesTest {
    private static final long MIN_HEALTHY = SimTime.seconds(10);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void oneMigrationAtATimeAcrossBothNodes(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-max-parallel-two-nodes", seed,
                "variant=a").cluster();
        List<Alloc> replacements = replacements(cluster, "service-0");
        assertEquals(4, replacements.size());
        for (int i = 1; i < replacements.size(); i++) {
            long gap = replacements.get(i).createdNanos() - replacements.get(i - 1).createdNanos();
            assertTrue(gap >= MIN_HEALTHY, "two migrations in flight: replacements "
                    + (i - 1) + " and " + i + " " + SimTime.format(gap) + " apart");
        }
        // B was drained 5 s after A, before A's first replacement had health: nothing moved.
        assertTrue(replacements.get(1).createdNanos()
                >= replacements.get(0).runningSinceNanos() + MIN_HEALTHY);
        List<Alloc> live = ScenarioRuns.live(cluster, "service-0");
        assertEquals(4, live.size());
        for (Alloc alloc : live) {
            assertTrue(alloc.node() >= 2, alloc + " not on a spare");
            assertEquals(ClientStatus.RUNNING, alloc.client());
        }
        for (int node = 0; node < 2; node++) {
            ScenarioRuns.onlyEventAt(cluster, node, NodeEvent.Kind.DRAIN_COMPLETE);
            assertFalse(cluster.node(node).drainDeadlineReached());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void marksComeInWavesOfSixSixAndFour(long seed) {
        Cluster cluster = ScenarioRuns.runClean("nomad-max-parallel-two-nodes", seed,
                "variant=b").cluster();
        List<Alloc> replacements = new ArrayList<>(replacements(cluster, "service-0"));
        replacements.addAll(replacements(cluster, "service-1"));
        replacements.sort((a, b) -> Long.compare(a.createdNanos(), b.createdNanos()));
        List<Integer> waves = new ArrayList<>();
        long waveStart = 0;
        for (Alloc alloc : replacements) {
            if (waves.isEmpty() || alloc.createdNanos() - waveStart > MIN_HEALTHY / 2) {
                waves.add(0);
                waveStart = alloc.createdNanos();
            }
            waves.set(waves.size() - 1, waves.get(waves.size() - 1) + 1);
        }
        assertEquals(List.of(6, 6, 4), waves);
        assertEquals(16, ScenarioRuns.live(cluster, "service-0").size()
                + ScenarioRuns.live(cluster, "service-1").size());
    }

    private static List<Alloc> replacements(Cluster cluster, String job) {
        List<Alloc> replacements = new ArrayList<>();
        for (Alloc alloc : ScenarioRuns.allocs(cluster, job)) {
            if (alloc.previousAlloc() != Alloc.NONE) {
                replacements.add(alloc);
            }
        }
        return replacements;
    }
}
