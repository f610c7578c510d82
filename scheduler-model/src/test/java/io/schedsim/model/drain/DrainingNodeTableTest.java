package io.schedsim.model.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.model.Cluster;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobType;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nomad's {@code TestDrainingNode_Table} (N-16): a draining node holds allocations given as
 * letters, {@code S}/{@code B}/{@code Y} a running service/batch/system allocation and the lower
 * case letter a client-terminal (complete) one. {@code isDone} asks that every non-system
 * allocation be client-terminal; the remaining allocations, the ones the deadline marks (N-18),
 * are the non-terminal ones, system ones left out under {@code -ignore-system}.
 */
class DrainingNodeTableTest {
    private static final int NODE = 0;

    @Test
    void aNodeDoneWhenItsDrainIsSetCompletesInThatStep() {
        // TestDrainingNode_Table "Empty" and "System" are done; NodeDrainer.Update
        // (nomad/drainer/watch_nodes.go) then unsets the drain at once, marking system
        // allocations (N-17), instead of waiting for the next batch (N-19).
        Cluster cluster = NomadClusters.started(1, NomadClusters.config(), 2);
        Job system = cluster.state().registerJob(JobSpec.system("system", 100, 64));
        Alloc systemAlloc = NomadClusters.place(cluster, system, 1, ClientStatus.RUNNING);
        long now = cluster.nowNanos();
        cluster.updateDrain(0, DrainSpec.deadline(3_600_000, false));
        cluster.updateDrain(1, DrainSpec.deadline(3_600_000, false));
        assertEquals(false, cluster.node(0).draining(), "empty node still draining");
        assertEquals(false, cluster.node(1).draining(), "system-only node still draining");
        assertEquals(true, systemAlloc.migrate(), "system allocation not marked (N-17)");
        assertEquals(false, cluster.node(0).eligible(), "a drained node stays ineligible (N-6)");
        assertEquals(now, cluster.nowNanos());
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Empty, '', false, true, 0",
        "Batch, B, false, false, 1",
        "Service, S, false, false, 1",
        "System, Y, false, true, 1",
        "AllTerminal, sby, false, true, 0",
        "AllTerminalButBatch, sBy, false, false, 1",
        "AllTerminalButSystem, sbY, false, true, 1",
        "HalfTerminal, SsBbYy, false, false, 3",
        "System ignored, Y, true, true, 0",
        "HalfTerminal system ignored, SsBbYy, true, false, 2",
    })
    void isDoneAndRemaining(String name, String allocs, boolean ignoreSystem, boolean done,
            int remaining) {
        Cluster cluster = NomadClusters.started(1, NomadClusters.config(), 2);
        Job service = cluster.state().registerJob(JobSpec.service("service", 10, 100, 64));
        Job batch = cluster.state().registerJob(JobSpec.batch("batch", 10, 100, 64, 60_000));
        Job system = cluster.state().registerJob(JobSpec.system("system", 100, 64));
        // A done node completes as its drain is set (N-17), so the drain is set while a running
        // blocker holds it open; the blocker then completes (client-terminal: counted nowhere)
        // and no drainer pass runs, so the table's state is judged on a node still draining.
        Alloc blocker = NomadClusters.place(cluster, service, NODE, ClientStatus.RUNNING);
        // Terminal ones first: a system job may hold one live allocation per node (INV-16).
        for (char letter : allocs.toCharArray()) {
            if (Character.isLowerCase(letter)) {
                place(cluster, letter, service, batch, system, ClientStatus.COMPLETE);
            }
        }
        for (char letter : allocs.toCharArray()) {
            if (Character.isUpperCase(letter)) {
                place(cluster, letter, service, batch, system, ClientStatus.RUNNING);
            }
        }
        cluster.updateDrain(NODE, DrainSpec.deadline(3_600_000, ignoreSystem));
        cluster.state().onClientUpdate(blocker, ClientStatus.COMPLETE, Health.UNSET);
        NomadDrainer drainer = (NomadDrainer) cluster.drainer();

        assertEquals(done, drainer.isDone(cluster.node(NODE)), "isDone");
        drainer.markRemaining(cluster.node(NODE), null, true);
        int marked = 0;
        for (Alloc alloc : cluster.state().allocs().all()) {
            marked += alloc.migrate() ? 1 : 0;
            if (alloc.migrate() && alloc.job().type() == JobType.SYSTEM) {
                assertEquals(false, ignoreSystem, "system marked under -ignore-system");
            }
        }
        assertEquals(remaining, marked, "remaining allocations");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private static void place(Cluster cluster, char letter, Job service, Job batch, Job system,
            ClientStatus status) {
        char kind = Character.toUpperCase(letter);
        Job job = kind == 'S' ? service : kind == 'B' ? batch : system;
        NomadClusters.place(cluster, job, NODE, status);
    }
}
