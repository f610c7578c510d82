package io.schedsim.monitor.nomad;

import io.schedsim.history.JobType;
import io.schedsim.monitor.HistoryBuilder;

/**
 * Correct Nomad histories the guard tests start from and then break in one place. Node 1 is
 * drained; nodes 2 and 3 are spares. Service job 10 (count 2, max_parallel 1) runs allocations
 * 100 and 101 on node 1; system job 20 runs allocation 200 on node 1 and 201, 202 on nodes 2, 3.
 */
final class NomadFlows {
    private NomadFlows() {}

    /** Three ready nodes, the service and system jobs placed, running and healthy by t=15 s. */
    static HistoryBuilder placed() {
        return placedWith(1);
    }

    /** {@link #placed} with the service job's migrate max_parallel set. */
    static HistoryBuilder placedWith(int maxParallel) {
        HistoryBuilder b = HistoryBuilder.nomad();
        b.node(1).node(2).node(3);
        b.at(1).job(10, JobType.SERVICE, 2, maxParallel).job(20, JobType.SYSTEM, 0);
        b.at(1.01).plan(10, 2, 0, 0, 0).place(100, 10, 1).place(101, 10, 1);
        b.plan(20, 3, 0, 0, 0).place(200, 20, 1).place(201, 20, 2).place(202, 20, 3);
        b.at(1.2).running(100).running(101).running(200).running(201).running(202);
        b.at(11.2).healthy(100).healthy(101);
        return b;
    }

    /**
     * {@link #placed}, then node 1 drained with a 1 h deadline at t=20 s and paced job-wide: 100
     * marked at 21 s, replaced on node 2 and healthy at 31.3 s; 101 marked at 32 s, replaced on
     * node 3; both stopped with a 0.5 s stop latency; the drain completes at 33.5 s and marks the
     * system allocation 200 in the same step, which the system scheduler then stops.
     */
    static HistoryBuilder drained() {
        HistoryBuilder b = placed();
        b.at(20).drain(1, 3_600_000);
        b.at(21).mark(100, false);
        b.at(21.01).plan(10, 1, 1, 1, 0).stop(100, "alloc is being migrated")
                .replace(102, 10, 2, 100);
        b.at(21.3).running(102);
        b.at(21.51).add(new io.schedsim.history.AllocClientChanged(b.now(), 100,
                io.schedsim.history.ClientStatus.COMPLETE));
        b.at(31.3).healthy(102);
        b.at(32).mark(101, false);
        b.at(32.01).plan(10, 1, 1, 1, 0).stop(101, "alloc is being migrated")
                .replace(103, 10, 3, 101);
        b.at(32.3).running(103);
        b.at(32.51).add(new io.schedsim.history.AllocClientChanged(b.now(), 101,
                io.schedsim.history.ClientStatus.COMPLETE));
        b.at(33.5).drainCompleted(1, false).mark(200, false);
        b.at(33.51).plan(20, 0, 1, 1, 0).stop(200, "alloc not needed as node is tainted");
        b.at(34).complete(200);
        b.at(42.3).healthy(103);
        return b;
    }
}
