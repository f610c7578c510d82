package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * N-12, N-13: healthy_deadline, as Nomad's health hook applies it
 * (client/allocrunner/health_hook.go {@code watchHealth}: "Default to unhealthy for the deadline
 * reached case"; the deadline is armed in {@code init} when the alloc runner starts), and the
 * drainer's pacing, which counts any set health ({@code HasHealth}, watch_jobs.go) and so moves
 * on past an unhealthy replacement (the docs: "or healthy_deadline is reached"). A service job of
 * count 2, max_parallel 1, on node 0 is drained; node 1 takes the replacements. The client starts
 * an allocation 100 ms after its command arrives.
 */
class HealthyDeadlineTest {
    @ParameterizedTest(name = "min_healthy {0} ms, deadline {1} ms")
    @CsvSource({
        // Healthy 10 s after running, well before the 5 m deadline: the default block.
        "10000, 300000, HEALTHY",
        // Running at 0.1 s + 10 s healthy time misses a 10.05 s deadline.
        "10000, 10050, UNHEALTHY",
        // Equal times: the deadline, armed before the tasks run, comes first.
        "10000, 10000, UNHEALTHY",
    })
    void replacementsTakeTheirHealthAndPacingMovesOn(long minHealthyMillis, long deadlineMillis,
            Health expected) {
        Cluster cluster = NomadClusters.started(9, NomadClusters.config(), 2);
        cluster.updateEligibility(1, false);
        Job job = cluster.state().registerJob(JobSpec.service("web", 2, 100, 64)
                .withMigrate(new MigrateBlock(1, minHealthyMillis, deadlineMillis)));
        cluster.sim().runUntil(SimTime.seconds(400));
        cluster.updateEligibility(1, true);
        List<Alloc> originals = new ArrayList<>(cluster.state().allocs().all());
        assertEquals(2, originals.size());
        for (Alloc original : originals) {
            assertEquals(expected, original.health(), "original " + original);
        }
        cluster.updateDrain(0, DrainSpec.noDeadline(false));
        cluster.sim().runUntil(SimTime.seconds(1_000));

        assertEquals(false, cluster.node(0).draining(), "the drain finished (pacing moved on)");
        int replacements = 0;
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (alloc.node() == 1 && !alloc.isTerminal()) {
                replacements++;
                assertEquals(expected, alloc.health(), "replacement " + alloc);
            }
        }
        assertEquals(2, replacements);
        assertEquals(job.count(), replacements);
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
