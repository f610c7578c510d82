package io.schedsim.model.state;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.Constraint;
import io.schedsim.model.job.JobType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.job.ConstraintChecker;

/**
 * The safety invariants a wrong component could break, checked by the {@link StateStore} at the
 * transition that would break them, before (or, where the rule is about the outcome, after) the
 * change. Kept apart from the store's writes so that each file stays one concern; every check
 * reports to the online monitor and changes nothing.
 */
final class TransitionChecks {
    private final InvariantMonitor monitor;
    private final StateStore state;
    private final List<String> heldAtStop = new ArrayList<>();

    TransitionChecks(InvariantMonitor monitor, StateStore state) {
        this.monitor = monitor;
        this.state = state;
    }

    /**
     * INV-1 (the gate, with the group's constraints and distinct_hosts, N-35), INV-6 and INV-10
     * (what it replaces), INV-16 (one per node).
     */
    void placement(Job job, Node node, int previousAlloc) {
        if (!node.isReady()) {
            monitor.violation(Inv.PLACEMENT_GATE, "new allocation of " + job + " on " + node
                    + " which is not Ready (status " + node.status() + ", eligible "
                    + node.eligible() + ", draining " + node.draining() + ")");
        }
        feasibility(job, node);
        if (previousAlloc != Alloc.NONE) {
            Alloc previous = state.allocs().get(previousAlloc);
            // A replacement for a loss is not a drain replacement: whether a batch allocation
            // stopped with migrateDisablePlacement is replaced when its node is lost is uncertain
            // (SEMANTICS SC-7), so only non-lost ones are asserted. Nor is a destructive update's
            // (N-36): a plan made before the deadline's mark replaces it with the new version.
            if (previous.migrateDisablePlacement() && previous.client() != ClientStatus.LOST
                    && !outdated(previous)) {
                monitor.violation(Inv.BATCH_NOT_REPLACED, "replacement placed for " + previous
                        + " stopped with migrateDisablePlacement");
            }
            if (previous.replaced() && !outlivedItsReplacements(previous)
                    && !migratedAfterUnknownReplacement(previous)) {
                monitor.violation(Inv.ONE_REPLACEMENT, "second replacement placed for " + previous);
            }
        }
        if (job.type().isPerNode()) {
            for (Alloc other : state.allocs().all()) {
                if (other.job() == job && other.node() == node.slot() && !other.isTerminal()) {
                    monitor.violation(Inv.SYSTEM_UNIQUENESS, "second " + job + " allocation on "
                            + node + " beside " + other);
                }
            }
        }
    }

    /** INV-1 with N-35: the node meets the group's constraints and its distinct_hosts. */
    private void feasibility(Job job, Node node) {
        for (Constraint constraint : job.constraints()) {
            if (!ConstraintChecker.meets(constraint, node.attributes())) {
                monitor.violation(Inv.PLACEMENT_GATE, "new allocation of " + job + " on " + node
                        + " whose attributes " + node.attributes().asMap() + " fail "
                        + constraint);
            }
        }
        if (!job.distinctHosts()) {
            return;
        }
        for (Alloc other : state.allocs().all()) {
            if (other.job() == job && other.node() == node.slot() && !other.isTerminal()) {
                monitor.violation(Inv.PLACEMENT_GATE, "new allocation of " + job + " on "
                        + node + " beside " + other + " breaks distinct_hosts");
            }
        }
    }

    /**
     * N-31, N-33: an unknown allocation replaced as a reschedule (replace=true), marked by a
     * drain, that reconnects is migrated ("marked for migration always migrate" precedes the
     * reconnecting rule), and computeMigrations places anew without looking at NextAllocation.
     * Only when the group is over its count does computeStop stop it instead (ReplacedThenMarked
     * Test); with another allocation of the group still unknown (knownUntainted leaves it out)
     * it is not, and Nomad gives it a second replacement (guided search, chaos-swarm seed 2442).
     */
    private static boolean migratedAfterUnknownReplacement(Alloc previous) {
        return previous.migrate() && previous.replacedWhileUnknown();
    }

    /**
     * An allocation kept on reconnect (N-30) still runs while every replacement it had was
     * stopped; it may be replaced again (a later migration), as upstream sets NextAllocation
     * again. A failed or lost one never may (N-34).
     */
    private boolean outlivedItsReplacements(Alloc previous) {
        if (previous.client().isTerminal()) {
            return false;
        }
        for (Alloc other : state.allocs().all()) {
            if (other.previousAlloc() == previous.id() && !other.desired().isServerTerminal()) {
                return false;
            }
        }
        return true;
    }

    /**
     * INV-6 after a placement of a batch job a drain deadline stopped some of: the allocations
     * the reconciler counts toward the job's count stay within it (nomad#28018): desired run, or
     * stopped by a drain deadline (counted, never replaced, whether still running or done), but
     * neither lost nor failed, nor running on a node the servers see as down (about to be lost;
     * their replacement is uncertain, SC-7), nor of a version a destructive update replaces
     * (N-36: the new version takes its place).
     */
    void batchCount(Job job) {
        int live = 0;
        for (Alloc a : state.allocs().all()) {
            ClientStatus client = a.client();
            boolean gone = client == ClientStatus.LOST || client == ClientStatus.FAILED;
            boolean kept = !a.desired().isServerTerminal()
                    || (a.migrateDisablePlacement() && !outdated(a));
            boolean leaving = !client.isTerminal()
                    && state.node(a.node()).status().isUnresponsive();
            if (a.job() == job && !gone && kept && !leaving) {
                live++;
            }
        }
        if (live > job.count()) {
            monitor.violation(Inv.BATCH_NOT_REPLACED, job + " has " + live
                    + " live or completed allocations, more than its count " + job.count());
        }
    }

    /** Older than its job's latest destructive change (N-36): an update replaces it. */
    private static boolean outdated(Alloc alloc) {
        return alloc.jobVersion() < alloc.job().destructiveVersion();
    }

    /** INV-16: a system allocation on a live node stops only for a drain or a job update. */
    void serverStop(Alloc alloc, String reason) {
        Job job = alloc.job();
        Node node = state.node(alloc.node());
        if (job.type() == JobType.SYSTEM && !alloc.migrate() && !node.status().isUnresponsive()
                && alloc.jobVersion() == job.version() && !job.stopped()) {
            monitor.violation(Inv.SYSTEM_UNIQUENESS, "system " + alloc + " stopped on a live "
                    + "node without a drain mark or job update (" + reason + ")");
        }
    }

    /** INV-6, INV-7 and, for paced service marks, INV-4/INV-5 at the drainer's mark. */
    void migrationMark(Alloc alloc, boolean byDeadline) {
        Node node = state.node(alloc.node());
        JobType type = alloc.job().type();
        if (type.isBatchLike() && !byDeadline) {
            monitor.violation(Inv.BATCH_NOT_REPLACED, "drain marked " + alloc
                    + " before its deadline");
        }
        if (type == JobType.SYSTEM) {
            if (node.drainIgnoreSystem()) {
                monitor.violation(Inv.SYSTEM_LAST, "drain with ignore-system marked " + alloc);
            }
            if (!byDeadline) {
                for (Alloc other : state.allocs().all()) {
                    if (other.node() == alloc.node() && other.job().type() != JobType.SYSTEM
                            && !other.client().isTerminal()) {
                        monitor.violation(Inv.SYSTEM_LAST, "drain marked " + alloc + " while "
                                + other + " is not client-terminal");
                        break;
                    }
                }
            }
        }
        if (type == JobType.SERVICE && !byDeadline) {
            pacing(alloc);
        }
    }

    /**
     * INV-4/INV-5 at a paced mark of {@code next}: after it, the job must still have at least
     * {@code count − max_parallel} healthy allocations not marked for migration, job-wide (N-13,
     * N-14). This is the pacing formula seen from outside: a drainer that counts a marked
     * allocation as healthy (nomad#26175) or paces each node on its own breaks it.
     */
    private void pacing(Alloc next) {
        Job job = next.job();
        int healthyUnmarked = 0;
        for (Alloc a : state.allocs().all()) {
            if (a != next && a.job() == job && !a.isTerminal() && !a.migrate()
                    && a.health().isSet()) {
                healthyUnmarked++;
            }
        }
        int maxParallel = job.migrate().maxParallel();
        int floor = job.count() - maxParallel;
        if (healthyUnmarked < floor) {
            monitor.violation(Inv.JOB_WIDE_MAX_PARALLEL, "drain marked " + next + " leaving "
                    + healthyUnmarked + " healthy unmarked allocations of " + job + ", below count "
                    + job.count() + " - max_parallel " + maxParallel);
        }
    }

    /** INV-2 and INV-3 at an eligibility change. */
    void eligibility(Node node, boolean eligible, EligibilitySource source) {
        if (eligible && node.draining()) {
            monitor.violation(Inv.DRAIN_IMPLIES_INELIGIBLE, node + " made eligible while draining"
                    + " (" + source + ")");
        }
        if (source == EligibilitySource.DRAIN_COMPLETE && eligible != node.eligible()) {
            monitor.violation(Inv.COMPLETION_NEVER_REENABLES, "drain completion changed "
                    + node + " eligibility to " + eligible);
        }
    }

    /** INV-8: a drain completes before its deadline only once its non-system work is done. */
    void drainCompletion(Node node, boolean deadlineReached) {
        if (deadlineReached) {
            return;
        }
        for (Alloc a : state.allocs().all()) {
            if (a.node() == node.slot() && a.job().type() != JobType.SYSTEM
                    && !a.client().isTerminal()) {
                monitor.violation(Inv.COMPLETION_CONDITION, "drain of " + node
                        + " completed while " + a + " is not client-terminal");
                break;
            }
        }
    }

    /**
     * INV-17: a lost allocation's stop goes out once its reservation is released. Kept for the
     * end-of-run audit rather than reported now: the audit is INV-17's path for what outlives its
     * holder, and a later report may release the reservation, hiding it from a recount.
     */
    void heldAtStop(Alloc alloc, long nowNanos) {
        heldAtStop.add(alloc + " still held its reservation when its stop was sent at "
                + SimTime.format(nowNanos));
    }

    List<String> heldAtStop() {
        return Collections.unmodifiableList(heldAtStop);
    }

    /**
     * N-12, N-13 (client/allocrunner/health_hook.go): the health deadline is armed when the
     * alloc runner starts, before the tasks run, so an allocation of a group whose
     * min_healthy_time is not below its healthy_deadline can only ever turn unhealthy. A client
     * that ignores the deadline reports it healthy.
     */
    void health(Alloc alloc, Health health) {
        MigrateBlock migrate = alloc.job().migrate();
        if (health == Health.HEALTHY
                && migrate.minHealthyTimeMillis() >= migrate.healthyDeadlineMillis()) {
            monitor.violation(Inv.HEALTH_DEADLINE, alloc + " reported healthy although its"
                    + " min_healthy_time " + migrate.minHealthyTimeMillis() + " ms is not below"
                    + " its healthy_deadline " + migrate.healthyDeadlineMillis() + " ms");
        }
    }

    /**
     * INV-14 with N-31's order (scheduler/reconciler/filters.go: "non-terminal allocs marked for
     * migration always migrate"): an allocation marked for migration that the servers still want
     * running is migrated, not lost, when its node is down; only on a disconnected node do the
     * loss rules come first. A reconciler that tests "node down" first loses it. Only a mark
     * strictly before the plan's snapshot binds it: a plan made before the mark is committed as
     * it is (N-23; chaos-swarm seed 8228 under random ordering: planned at 582.2 s, marked at
     * 588.1 s, committed after a scheduler stall at 599.9 s), and a mark in the snapshot's own
     * instant may have come after it. The generic reconciler tests "expiring" before both: an
     * unknown allocation whose lost_after had run out at the plan's snapshot (alloc.go
     * {@code Expired}, inclusive) is lost even if marked (filters.go rule order; chaos-swarm
     * seeds 42929, 99889: marked while disconnected, expired, planned lost, its node down before
     * the commit). The node reconciler (system, sysbatch) tests the mark first
     * (reconcile_node.go), so no such exception there.
     */
    void lost(Alloc alloc, long plannedAtNanos) {
        Node node = state.node(alloc.node());
        boolean expiring = !alloc.job().type().isPerNode()
                && alloc.unknownExpiresAtNanos() <= plannedAtNanos;
        if (alloc.migrate() && alloc.migrateMarkedNanos() < plannedAtNanos && !expiring
                && !alloc.desired().isServerTerminal() && node.status() == NodeStatus.DOWN) {
            monitor.violation(Inv.LOST_ALLOCS, alloc + " marked lost on down " + node
                    + " although it is marked for migration: it migrates (N-31)");
        }
    }

    /**
     * INV-15 online (N-30, N-31): an allocation becomes unknown only on a disconnected node, and
     * only if its group has lost_after; a scheduler or applier that marks one elsewhere is caught
     * here.
     */
    void unknown(Alloc alloc) {
        Node node = state.node(alloc.node());
        if (node.status() != NodeStatus.DISCONNECTED) {
            monitor.violation(Inv.DISCONNECT, alloc + " marked unknown on " + node + " ("
                    + node.status() + "): only a disconnected node's allocations go unknown");
        } else if (!alloc.job().disconnect().enabled()) {
            monitor.violation(Inv.DISCONNECT, alloc + " marked unknown although "
                    + alloc.job() + " has no lost_after: it is lost (N-31)");
        }
    }

    /**
     * INV-15 online: an unknown allocation is lost no sooner than lastUnknown + lost_after
     * (inclusive, alloc.go {@code Expired}), unless its node was purged since it turned unknown:
     * a GC'd node's allocations are lost at once (N-31).
     */
    void unknownLost(Alloc alloc, long nowNanos) {
        long expiry = alloc.unknownExpiresAtNanos();
        long purgedAt = state.node(alloc.node()).purgedAtNanos();
        boolean purgedSince = purgedAt >= 0 && purgedAt >= alloc.lastUnknownNanos();
        if (alloc.client() == ClientStatus.UNKNOWN && nowNanos < expiry && !purgedSince) {
            monitor.violation(Inv.DISCONNECT, alloc + " marked lost at " + SimTime.format(nowNanos)
                    + ", before its lost_after expires at " + SimTime.format(expiry));
        }
    }

    /** INV-17 online: a reservation never exceeds the node's capacity nor drops below zero. */
    void usage(Node node, boolean reserved) {
        if (reserved && node.cpuUsedMilli() > node.cpuTotalMilli()) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " reserved " + node.cpuUsedMilli()
                    + " of " + node.cpuTotalMilli() + " mCPU");
        }
        if (!reserved && node.cpuUsedMilli() < 0) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " released below zero: "
                    + node.cpuUsedMilli() + " mCPU");
        }
    }

    /** INV-17 for Ray's memory and custom resource: never above capacity, never below 0. */
    void rayUsage(Node node, String resource) {
        if (node.memUsedMb() > node.memTotalMb() || node.rayMemUsedMb() < 0) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " holds " + node.memUsedMb()
                    + " MiB of " + node.memTotalMb() + " (Ray leases " + node.rayMemUsedMb()
                    + ")");
        }
        if (resource.isEmpty() || node.customIndex(resource) < 0) {
            return;
        }
        long used = node.customUsedMilli(resource);
        if (used < 0 || used > node.customTotalMilli(resource)) {
            monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " holds " + used + " of "
                    + node.customTotalMilli(resource) + " thousandths of " + resource);
        }
    }

    /** A lease reserved a custom resource the node does not have (INV-17). */
    void missingResource(Node node, String resource) {
        monitor.violation(Inv.RESOURCE_ACCOUNTING, node + " has no " + resource
                + " to reserve");
    }
}
