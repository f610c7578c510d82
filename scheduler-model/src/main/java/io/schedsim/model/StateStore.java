package io.schedsim.model;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.EligibilitySource;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.sched.EvalBroker;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Allocs;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.List;

/**
 * The servers' state and its write operations: jobs, allocations, evaluations, node eligibility
 * and drain records. Pluggable components (scheduler, plan applier, drainer, client) change state
 * only through these methods, and the safety invariants that such a component could break are
 * checked here, at the transition, so a wrong component is caught at the event that misbehaved.
 */
public final class StateStore {
    private final Cluster cluster;
    private final InvariantMonitor monitor;
    private final Allocs allocs;
    private final ObjectArrayList<Job> jobs = new ObjectArrayList<>();
    private final EvalBroker broker = new EvalBroker();

    StateStore(Cluster cluster) {
        this.cluster = cluster;
        this.monitor = cluster.monitor();
        this.allocs = new Allocs(monitor);
    }

    public Allocs allocs() {
        return allocs;
    }

    public List<Job> jobs() {
        return jobs;
    }

    public EvalBroker broker() {
        return broker;
    }

    public Job registerJob(JobSpec spec) {
        Job job = new Job(jobs.size(), spec.name(), spec.type(), spec.count(), spec.cpuMilli(),
                spec.memMb(), spec.migrate(), spec.reschedule(), spec.runMillis(),
                spec.stopLatencyMillis());
        jobs.add(job);
        cluster.createEval(job, "job-register", -1);
        return job;
    }

    /** Commits a new allocation; the placement gate and the per-type bounds are checked here. */
    public Alloc placeAlloc(Job job, Node node, int previousAlloc, int rescheduleAttempts) {
        long now = cluster.nowNanos();
        if (!node.isReady()) {
            monitor.violation(Inv.PLACEMENT_GATE, "new allocation of " + job + " on " + node
                    + " which is not Ready (status " + node.status + ", eligible "
                    + node.eligible + ", draining " + node.draining + ")");
        }
        if (previousAlloc != Alloc.NONE) {
            Alloc previous = allocs.get(previousAlloc);
            // A replacement for a loss is not a drain replacement: whether a batch allocation
            // stopped with migrateDisablePlacement is replaced when its node is lost is uncertain
            // (SEMANTICS SC-7), so only non-lost ones are asserted.
            if (previous.migrateDisablePlacement && previous.client() != ClientStatus.LOST) {
                monitor.violation(Inv.BATCH_NOT_REPLACED, "replacement placed for " + previous
                        + " stopped with migrateDisablePlacement");
            }
            if (previous.replaced) {
                monitor.violation(Inv.ONE_REPLACEMENT, "second replacement placed for " + previous);
            }
            previous.replaced = true;
        }
        if (job.type.isPerNode()) {
            for (Alloc other : allocs.all()) {
                if (other.job == job && other.node == node.slot && !other.isTerminal()) {
                    monitor.violation(Inv.SYSTEM_UNIQUENESS, "second " + job + " allocation on "
                            + node + " beside " + other);
                }
            }
        }
        Alloc alloc = allocs.create(job, node.slot, previousAlloc, rescheduleAttempts, now);
        alloc.reserved = true;
        cluster.reserve(node, job.cpuMilli, job.memMb);
        // INV-6 is about drains: a replacement of a drain-marked batch allocation must not raise
        // the job's count. Replacements of lost allocations race with late completions (a stale
        // plan), which SEMANTICS leaves open (SC-7), so they are not asserted here.
        if (job.type == JobType.BATCH && previousAlloc != Alloc.NONE
                && allocs.get(previousAlloc).migrate) {
            checkBatchCount(job);
        }
        cluster.client().onAllocPlaced(alloc);
        return alloc;
    }

    private void checkBatchCount(Job job) {
        int live = 0;
        for (Alloc a : allocs.all()) {
            // Allocations on a node the servers see as down are about to be lost (uncertain
            // replacement, SC-7); they do not count.
            boolean onDownNode = cluster.node(a.node).status.isUnresponsive();
            boolean running = !a.client().isTerminal() && !onDownNode;
            boolean finished = a.client() == ClientStatus.COMPLETE;
            // Counted: desired run (running or finished), or stopped by a drain deadline while
            // still running (nomad#28018). A lost allocation that completes later is not.
            if (a.job == job && (running || finished)
                    && (!a.desired().isServerTerminal()
                            || (a.migrateDisablePlacement && running))) {
                live++;
            }
        }
        if (live > job.count) {
            monitor.violation(Inv.BATCH_NOT_REPLACED, job + " has " + live
                    + " live or completed allocations, more than its count " + job.count);
        }
    }

    /** Server-side stop (desired stop); the client stops it after its stop latency. */
    public void stopAlloc(Alloc alloc, String reason) {
        if (alloc.desired().isServerTerminal()) {
            return;
        }
        Node node = cluster.node(alloc.node);
        if (alloc.job.type == JobType.SYSTEM && !alloc.migrate && !node.status.isUnresponsive()
                && alloc.jobVersion == alloc.job.version && !alloc.job.stopped) {
            monitor.violation(Inv.SYSTEM_UNIQUENESS, "system " + alloc + " stopped on a live "
                    + "node without a drain mark or job update (" + reason + ")");
        }
        allocs.setDesired(alloc, DesiredStatus.STOP, reason, cluster.nowNanos());
        releaseResources(alloc);
        cluster.client().onAllocStopped(alloc);
    }

    /** Marks an allocation on a down node lost (N-31); resources are released separately. */
    public void markLost(Alloc alloc) {
        long now = cluster.nowNanos();
        allocs.setDesired(alloc, DesiredStatus.STOP, "alloc is lost since its node is down", now);
        allocs.setClient(alloc, ClientStatus.LOST, now);
        // Lost is client-terminal: a drain of the down node may now be done (N-20).
        cluster.onAllocChanged(alloc);
    }

    /** Frees the allocation's reservation once (server view: it no longer uses the node). */
    public void releaseResources(Alloc alloc) {
        if (alloc.reserved) {
            alloc.reserved = false;
            Node node = cluster.node(alloc.node);
            cluster.release(node, alloc.job.cpuMilli, alloc.job.memMb);
            if (cluster.ray() != null) {
                cluster.ray().onCapacityFreed(node);
            }
        }
    }

    /** The drainer's mark (N-9, N-10, N-11, N-17, N-18), with the checks of INV-6 and INV-7. */
    public void markForMigration(Alloc alloc, boolean disablePlacement, boolean byDeadline) {
        Node node = cluster.node(alloc.node);
        JobType type = alloc.job.type;
        if (type.isBatchLike() && !byDeadline) {
            monitor.violation(Inv.BATCH_NOT_REPLACED, "drain marked " + alloc
                    + " before its deadline");
        }
        if (type == JobType.SYSTEM) {
            if (node.drainIgnoreSystem) {
                monitor.violation(Inv.SYSTEM_LAST, "drain with ignore-system marked " + alloc);
            }
            if (!byDeadline) {
                for (Alloc other : allocs.all()) {
                    if (other.node == alloc.node && other.job.type != JobType.SYSTEM
                            && !other.client().isTerminal()) {
                        monitor.violation(Inv.SYSTEM_LAST, "drain marked " + alloc + " while "
                                + other + " is not client-terminal");
                        break;
                    }
                }
            }
        }
        if (type == JobType.SERVICE && !byDeadline) {
            checkPacing(alloc);
        }
        alloc.migrate = true;
        alloc.migrateDisablePlacement |= disablePlacement;
        alloc.markedByDeadline |= byDeadline;
        alloc.modifiedNanos = cluster.nowNanos();
    }

    /**
     * INV-4/INV-5 at a paced mark of {@code next}: after it, the job must still have at least
     * {@code count − max_parallel} healthy allocations not marked for migration, job-wide (N-13,
     * N-14). This is the pacing formula seen from outside: a drainer that counts a marked
     * allocation as healthy (nomad#26175) or paces each node on its own breaks it.
     */
    private void checkPacing(Alloc next) {
        Job job = next.job;
        int healthyUnmarked = 0;
        for (Alloc a : allocs.all()) {
            if (a != next && a.job == job && !a.isTerminal() && !a.migrate && a.health.isSet()) {
                healthyUnmarked++;
            }
        }
        int floor = job.count - job.migrate.maxParallel();
        if (healthyUnmarked < floor) {
            monitor.violation(Inv.JOB_WIDE_MAX_PARALLEL, "drain marked " + next + " leaving "
                    + healthyUnmarked + " healthy unmarked allocations of " + job + ", below count "
                    + job.count + " - max_parallel " + job.migrate.maxParallel());
        }
    }

    /** A client status or health report that reached the server. Stale reports are ignored. */
    public void onClientUpdate(Alloc alloc, ClientStatus status, Health health) {
        long now = cluster.nowNanos();
        if (alloc.client().mayBecome(status)) {
            if (status == ClientStatus.RUNNING && alloc.client() != ClientStatus.RUNNING) {
                alloc.runningSinceNanos = now;
            }
            allocs.setClient(alloc, status, now);
        }
        if (health != Health.UNSET && !alloc.health.isSet() && !alloc.client().isTerminal()) {
            alloc.health = health;
        }
        if (alloc.client().isTerminal()) {
            releaseResources(alloc);
        }
        cluster.onAllocChanged(alloc);
    }

    /** The one place eligibility changes; INV-2 and INV-3 are checked here. */
    public void setEligibility(Node node, boolean eligible, EligibilitySource source) {
        if (eligible && node.draining) {
            monitor.violation(Inv.DRAIN_IMPLIES_INELIGIBLE, node + " made eligible while draining"
                    + " (" + source + ")");
        }
        if (source == EligibilitySource.DRAIN_COMPLETE && eligible != node.eligible) {
            monitor.violation(Inv.COMPLETION_NEVER_REENABLES, "drain completion changed "
                    + node + " eligibility to " + eligible);
        }
        boolean wasEligible = node.eligible;
        node.eligible = eligible;
        if (wasEligible != eligible) {
            cluster.record(node, eligible ? NodeEvent.Kind.ELIGIBLE : NodeEvent.Kind.INELIGIBLE,
                    source.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!wasEligible && eligible) {
            cluster.onNodeBecameEligible(node);
        }
    }

    /** The drainer ends a drain; eligibility stays as it is (N-6); INV-8 checked. */
    public void completeDrain(Node node, boolean deadlineReached) {
        if (!node.draining) {
            return;
        }
        if (!deadlineReached) {
            for (Alloc a : allocs.all()) {
                if (a.node == node.slot && a.job.type != JobType.SYSTEM
                        && !a.client().isTerminal()) {
                    monitor.violation(Inv.COMPLETION_CONDITION, "drain of " + node
                            + " completed while " + a + " is not client-terminal");
                    break;
                }
            }
        }
        long now = cluster.nowNanos();
        node.draining = false;
        node.drainDeadlineReached = deadlineReached;
        node.drainDeadlineNanos = SimTime.NEVER;
        node.lastDrain = LastDrainStatus.COMPLETE;
        node.drainUpdatedNanos = now;
        cluster.onDrainCompleted(node, now - node.drainStartedNanos);
    }
}
