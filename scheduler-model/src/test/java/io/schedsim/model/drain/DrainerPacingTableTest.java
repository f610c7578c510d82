package io.schedsim.model.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.model.Cluster;
import io.schedsim.model.NomadClusters;
import io.schedsim.model.alloc.ClientStatus;
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
 * The drainer's pacing formula (N-13) as Nomad's {@code TestDrainingJobWatcher_HandleTaskGroup}
 * tables it: a service job of count 10 whose allocations are healthy on the draining node 0 or on
 * node 1, some already marked for migration, some replacements still without health; one pass of
 * the job watcher marks {@code min(|drainable|, healthy − (count − max_parallel))}.
 */
class DrainerPacingTableTest {
    private static final int DRAINING = 0;
    private static final int OTHER = 1;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, max_parallel, healthy on draining node, healthy elsewhere, of the draining
        // ones already migrating, replacements elsewhere without health, expected new marks
        "max_parallel 1, 1, 10, 0, 0, 0, 1",
        "max_parallel 2, 2, 10, 0, 0, 0, 2",
        "max_parallel 10, 10, 10, 0, 0, 0, 10",
        "half on another node, 2, 5, 5, 0, 0, 2",
        "allocs on a non-draining node, 1, 0, 10, 0, 0, 0",
        "an alloc already migrating, 1, 10, 0, 1, 0, 0",
        "pending-health-blocks, 3, 9, 0, 1, 1, 1",
        "pending-health-blocks-higher-max, 5, 8, 0, 1, 2, 2",
    })
    void handleTaskGroup(String name, int maxParallel, int healthyOnDraining,
            int healthyElsewhere, int migrating, int withoutHealth, int expectedMarks) {
        Cluster cluster = NomadClusters.started(1, NomadClusters.config(), 2);
        Job job = cluster.state().registerJob(JobSpec.service("web", 10, 100, 64)
                .withMigrate(new MigrateBlock(maxParallel, 10_000, 300_000)));
        List<Alloc> onDraining = new ArrayList<>();
        for (int i = 0; i < healthyOnDraining; i++) {
            onDraining.add(healthy(cluster, job, DRAINING));
        }
        for (int i = 0; i < healthyElsewhere; i++) {
            healthy(cluster, job, OTHER);
        }
        for (int i = 0; i < withoutHealth; i++) {
            NomadClusters.place(cluster, job, OTHER, ClientStatus.RUNNING);
        }
        // Marked once every allocation is placed, as a drainer would, so the marks pass INV-4.
        for (int i = 0; i < migrating; i++) {
            cluster.state().markForMigration(onDraining.get(i), false, false);
        }
        cluster.updateDrain(DRAINING, DrainSpec.deadline(3_600_000, false));

        ((NomadDrainer) cluster.drainer()).paceJob(job);

        int marked = 0;
        for (Alloc alloc : cluster.state().allocs().all()) {
            marked += alloc.migrate() ? 1 : 0;
        }
        assertEquals(expectedMarks, marked - migrating, "new marks");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private static Alloc healthy(Cluster cluster, Job job, int node) {
        return NomadClusters.place(cluster, job, node, ClientStatus.RUNNING, Health.HEALTHY);
    }
}
