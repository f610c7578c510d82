package io.schedsim.model;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.job.ConstraintChecker;
import io.schedsim.model.placement.DistinctHosts;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.BitSet;

/**
 * Quiescence and the end-of-run checks: liveness invariants (INV-24, INV-25, INV-27, and the Ray
 * workload's INV-23/INV-26) judged after faults heal and the cluster settles, and an audit that
 * recomputes every node's reservations from scratch and compares them with the tracked ones —
 * the second path of INV-17, as Caffeine's policies audit themselves in {@code finished()}.
 */
public final class EndOfRun {
    private EndOfRun() {}

    /** True when no evaluation, plan, client transition or Ray task is still in motion. */
    public static boolean isQuiescent(Cluster cluster) {
        StateStore state = cluster.state();
        if (cluster.broker().pendingCount() > 0 || !cluster.workers().idle()
                || cluster.workers().followUpsPending() > 0 || !cluster.drainer().quiescent()) {
            return false;
        }
        if (cluster.ray() != null && !cluster.ray().allTerminal()) {
            return false;
        }
        if (cluster.rayActors() != null && !cluster.rayActors().allTerminal()) {
            return false;
        }
        ClientAgent client = cluster.client();
        for (Alloc alloc : state.allocs().all()) {
            Node node = cluster.node(alloc.node());
            if (node.status() != NodeStatus.READY) {
                continue;
            }
            if (!node.hostUp() || !node.agentUp()) {
                // The servers still see a dead node as ready: detection (and its evals) pending.
                if (!alloc.isTerminal()) {
                    return false;
                }
                continue;
            }
            if (!client.settled(alloc)) {
                return false;
            }
            if (!alloc.desired().isServerTerminal() && !alloc.client().isTerminal()
                    && (alloc.client() != ClientStatus.RUNNING
                    || (alloc.job().type() == JobType.SERVICE && !alloc.health().isSet()))) {
                return false;
            }
        }
        return true;
    }

    /** Runs every end-of-run check, reporting violations to the cluster's monitor. */
    public static void check(Cluster cluster) {
        auditReservations(cluster);
        checkServiceCounts(cluster);
        checkDrains(cluster);
        checkSystemCoverage(cluster);
        if (cluster.ray() != null) {
            cluster.ray().checkLiveness();
        }
        if (cluster.rayActors() != null) {
            cluster.rayActors().checkLiveness();
        }
    }

    private static void auditReservations(Cluster cluster) {
        for (String held : cluster.state().reservationsHeldAtStop()) {
            cluster.monitor().violation(Inv.RESOURCE_ACCOUNTING, held);
        }
        int n = cluster.nodeSlotCount();
        long[] expectedCpu = new long[n];
        for (Alloc alloc : cluster.state().allocs().all()) {
            if (!alloc.isTerminal()) {
                expectedCpu[alloc.node()] += alloc.job().cpuMilli();
            }
        }
        long[] rayCpu = cluster.ray() == null ? new long[n] : cluster.ray().reservedCpuMilliByNode();
        long[] actorCpu = cluster.rayActors() == null ? new long[n]
                : cluster.rayActors().reservedCpuMilliByNode();
        // Every node, down ones too: a down node's Ray reservations leave with it (RayWorkload
        // releases them at its death), so what it still holds belongs to its allocations, and a
        // lost allocation whose reservation was never released is a leak there (INV-17).
        for (int slot = 0; slot < n; slot++) {
            Node node = cluster.node(slot);
            long expected = expectedCpu[slot] + (slot < rayCpu.length ? rayCpu[slot] : 0)
                    + (slot < actorCpu.length ? actorCpu[slot] : 0);
            cluster.monitor().expect(expected == node.cpuUsedMilli(), Inv.RESOURCE_ACCOUNTING,
                    node + " tracks " + node.cpuUsedMilli() + " mCPU reserved, its allocations and"
                            + " tasks hold " + expected);
        }
    }

    private static void checkServiceCounts(Cluster cluster) {
        for (Job job : cluster.state().jobs()) {
            if (job.type() != JobType.SERVICE || job.stopped()) {
                continue;
            }
            int running = 0;
            for (Alloc alloc : cluster.state().allocs().all()) {
                if (alloc.job() == job && !alloc.isTerminal()
                        && alloc.client() == ClientStatus.RUNNING) {
                    running++;
                }
            }
            if (running < job.count() && !capacityFor(cluster, job)) {
                continue;
            }
            cluster.monitor().expect(running == job.count(), Inv.SERVICE_COUNTS_RESTORED,
                    job + " runs " + running + " allocations, count " + job.count());
        }
    }

    /**
     * A Ready node the job could still use: it fits, meets the group's constraints and, under
     * distinct_hosts, holds none of the job's non-terminal allocations (N-35).
     */
    private static boolean capacityFor(Cluster cluster, Job job) {
        BitSet taken = DistinctHosts.taken(job, cluster.state(), new BitSet());
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            Node node = cluster.node(slot);
            if (node.isReady() && node.fits(job.cpuMilli(), job.memMb()) && !taken.get(slot)
                    && ConstraintChecker.meets(job.constraints(), node.attributes())) {
                return true;
            }
        }
        return false;
    }

    private static void checkDrains(Cluster cluster) {
        InvariantMonitor monitor = cluster.monitor();
        long now = cluster.nowNanos();
        long window = SimTime.millis(cluster.config().drainDeadlineCoalesceWindowMillis
                + cluster.config().drainBatchUpdateIntervalMillis);
        for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
            Node node = cluster.node(slot);
            if (!node.draining()) {
                continue;
            }
            if (node.drainDeadlineNanos() != SimTime.NEVER) {
                if (now > node.drainDeadlineNanos() + window) {
                    monitor.violation(Inv.DRAINS_COMPLETE, "drain of " + node
                            + " still set past its deadline");
                }
            } else {
                boolean pending = false;
                for (Alloc alloc : cluster.state().allocs().all()) {
                    pending |= alloc.node() == slot && alloc.job().type() != JobType.SYSTEM
                            && !alloc.client().isTerminal();
                }
                if (!pending) {
                    monitor.violation(Inv.DRAINS_COMPLETE, "drain of " + node
                            + " without deadline still set although its allocations are done");
                }
            }
        }
    }

    private static void checkSystemCoverage(Cluster cluster) {
        for (Job job : cluster.state().jobs()) {
            if (job.type() != JobType.SYSTEM || job.stopped()) {
                continue;
            }
            for (int slot = 0; slot < cluster.nodeSlotCount(); slot++) {
                Node node = cluster.node(slot);
                int live = 0;
                for (Alloc alloc : cluster.state().allocs().all()) {
                    if (alloc.job() == job && alloc.node() == slot && !alloc.isTerminal()) {
                        live++;
                    }
                }
                // INV-27 counts only the nodes meeting the job's constraints (N-35).
                boolean wanted = node.isReady() && node.cpuTotalMilli() > 0
                        && ConstraintChecker.meets(job.constraints(), node.attributes());
                if (wanted && live == 0 && !node.fits(job.cpuMilli(), job.memMb())) {
                    continue;
                }
                if (wanted || live > 0) {
                    cluster.monitor().expect(live == 1 || (!wanted && live == 0),
                            Inv.SYSTEM_COVERAGE, job + " has " + live + " allocations on "
                                    + node + " (Ready " + node.isReady() + ")");
                }
            }
        }
    }
}
