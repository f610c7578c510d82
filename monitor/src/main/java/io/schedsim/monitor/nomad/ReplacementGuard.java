package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Placements that replace another allocation. INV-10: an allocation is replaced at most once,
 * unless it outlived its replacement (an original kept on reconnect, N-30, whose replacement was
 * stopped, may later be migrated, as upstream sets NextAllocation again); a drained service
 * allocation's replacement lands on another node while its own still drains, without inherited
 * reschedule attempts (N-9, N-15), unless it failed first: then it is rescheduled (N-31). INV-6: a batch allocation stopped with
 * migrateDisablePlacement is never replaced (nomad#28018; a lost one is left alone, SC-7 is
 * uncertain), and while a drain has stopped some of a batch job's allocations, no placement takes
 * the job past its count. INV-14: a lost system allocation is not placed elsewhere. N-34: a failed
 * allocation is rescheduled within its attempts, after its base delay, with one more attempt;
 * only a placement from a plan whose snapshot already saw the failure is a reschedule: a stale
 * plan may replace, as lost, an allocation that failed between its snapshot and its commit (the
 * applier commits a stale plan as it is, N-23; a loss replacement ignores the reschedule block,
 * N-33). A system allocation replaced on its own node by a destructive update (N-36) is none
 * of these. A plan judges the previous allocation's client status as its snapshot saw it: one
 * unknown there and reconnected before the commit is still replaced as a reschedule (N-23, N-33).
 */
public final class ReplacementGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ALLOC_PLACED,
            EventType.PLAN_COMMITTED, EventType.ALLOC_CLIENT_CHANGED);

    private final State state;
    private final IntArrayList batchJobsPlaced = new IntArrayList();
    /** Allocations replaced as a reschedule while unknown (N-33); few, kept in a hash set. */
    private final IntOpenHashSet replacedWhileUnknown = new IntOpenHashSet();
    /**
     * Allocations that were unknown and are no longer (a reconnect, N-30): when their latest
     * unknown spell began and when it ended; few, kept in hash maps.
     */
    private final Int2LongOpenHashMap unknownFrom = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap unknownUntil = new Int2LongOpenHashMap();
    /** The snapshot time of the plan being committed (placements follow their plan). */
    private long planSnapshotNanos = Long.MAX_VALUE;

    public ReplacementGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesSteps() {
        return true;
    }

    @Override
    public void before(HistoryEvent event) {
        if (event instanceof PlanCommitted e) {
            planSnapshotNanos = e.plannedAtNanos();
        } else if (event instanceof AllocClientChanged e) {
            int a = state.allocIndex;
            if (state.allocs.client(a) == ClientStatus.UNKNOWN
                    && e.client() != ClientStatus.UNKNOWN) {
                unknownFrom.put(a, state.allocs.clientSince(a));
                unknownUntil.put(a, e.atNanos());
            }
        } else if (event instanceof AllocPlaced e && e.previousAlloc() >= 0) {
            judge(e, state.allocs.index(e.previousAlloc()));
        }
    }

    @Override
    public void after(HistoryEvent event) {
        if (event instanceof AllocPlaced && state.jobs.type(state.jobIndex) == JobType.BATCH
                && state.jobs.everDisablePlacement(state.jobIndex)
                && !batchJobsPlaced.contains(state.jobIndex)) {
            batchJobsPlaced.add(state.jobIndex);
        }
    }

    private void judge(AllocPlaced e, int p) {
        AllocTable allocs = state.allocs;
        JobTable jobs = state.jobs;
        int j = state.jobIndex;
        int earlier = allocs.replacement(p);
        // N-31, N-33: an unknown allocation replaced as a reschedule, then marked by a drain and
        // reconnected, is migrated, and computeMigrations ignores NextAllocation (only an
        // over-count group stops it instead; guided search, chaos-swarm seed 2442).
        boolean migratedAfterUnknownReplacement = allocs.migrate(p)
                && replacedWhileUnknown.contains(p);
        if (earlier >= 0 && !(allocs.desired(earlier) != DesiredStatus.RUN
                && !allocs.clientTerminal(p)) && !migratedAfterUnknownReplacement) {
            report(Invariant.ONE_REPLACEMENT, e, "allocation " + e.previousAlloc()
                    + " replaced a second time (first by " + allocs.id(earlier) + ")");
        }
        ClientStatus previousClient = allocs.client(p);
        boolean unknown = previousClient == ClientStatus.UNKNOWN || unknownAtSnapshot(p);
        if (unknown && e.rescheduleAttempts() > allocs.rescheduleAttempts(p)) {
            replacedWhileUnknown.add(p);
        }
        // A marked allocation that failed before the plan's snapshot is rescheduled as a
        // failure, not migrated (filters.go: terminal allocations are untainted before the
        // migrate rule); one that failed after it was migrated by a stale plan.
        boolean failedBeforePlan = previousClient == ClientStatus.FAILED
                && allocs.clientSince(p) <= planSnapshotNanos;
        if (allocs.migrate(p) && jobs.type(allocs.job(p)) == JobType.SERVICE
                && !failedBeforePlan) {
            // N-15 excludes the draining node; once its drain is over and it is Ready again it
            // is a candidate like any other (SEMANTICS §2.1).
            if (allocs.node(p) == state.nodeIndex && state.nodes.draining(state.nodeIndex)) {
                report(Invariant.ONE_REPLACEMENT, e, "drained allocation " + e.previousAlloc()
                        + " replaced on its own node " + e.node());
            }
            // A marked allocation that is unknown and still desired to run when replaced was
            // not migrated: on a disconnected node the reconciler files an unknown allocation as
            // untainted before it looks at the mark (filters.go rule order), and replaces it as
            // a reschedule (updateByReschedulable, unknown case; N-33: it "is considered a
            // reschedule"), so the replacement carries the attempts (chaos-swarm seeds 292, 455:
            // a drain marks allocations already unknown). A migration stops it first. Unknown
            // as the plan's snapshot saw it: a stale plan (N-23) commits the reschedule of one
            // that reconnected after its snapshot as it is (chaos-swarm seed 395972).
            boolean disconnectReschedule = unknown && allocs.desired(p) == DesiredStatus.RUN;
            if (e.rescheduleAttempts() != 0 && !disconnectReschedule) {
                report(Invariant.ONE_REPLACEMENT, e, "replacement of drained allocation "
                        + e.previousAlloc() + " carries " + e.rescheduleAttempts()
                        + " reschedule attempts");
            }
        }
        // A destructive update (N-36) planned before the deadline's mark replaces it anyway.
        if (allocs.disablePlacement(p) && previousClient != ClientStatus.LOST
                && !outdated(p, allocs.job(p))) {
            report(Invariant.BATCH_NOT_REPLACED, e, "replacement placed for allocation "
                    + e.previousAlloc() + ", stopped by its drain's deadline with "
                    + "migrateDisablePlacement");
        }
        // A destructive update (N-36, evictAndPlace) replaces a system allocation on its own
        // node, stopped in the same plan, with a fresh reschedule tracker.
        boolean updatedHere = allocs.node(p) == state.nodeIndex
                && allocs.versionAtPlace(p) < jobs.destructiveVersion(j)
                && allocs.desired(p) != DesiredStatus.RUN && e.rescheduleAttempts() == 0;
        if (jobs.perNode(j) && !updatedHere) {
            report(previousClient == ClientStatus.LOST ? Invariant.LOST_ALLOCS
                    : Invariant.RESCHEDULE, e, jobs.type(j) + " allocation " + e.previousAlloc()
                    + " (" + previousClient + ") replaced by a placement elsewhere");
            return;
        }
        if (failedBeforePlan) {
            judgeReschedule(e, p, jobs.spec(j));
        }
    }

    private void judgeReschedule(AllocPlaced e, int p, JobRegistered spec) {
        AllocTable allocs = state.allocs;
        int attempts = allocs.rescheduleAttempts(p);
        if (e.rescheduleAttempts() != attempts + 1) {
            report(Invariant.RESCHEDULE, e, "reschedule of failed allocation "
                    + e.previousAlloc() + " carries " + e.rescheduleAttempts()
                    + " attempts, expected " + (attempts + 1));
        }
        if (!spec.rescheduleUnlimited() && attempts >= spec.rescheduleAttempts()) {
            report(Invariant.RESCHEDULE, e, "failed allocation " + e.previousAlloc()
                    + " rescheduled after " + attempts + " attempts, the job allows "
                    + spec.rescheduleAttempts());
        }
        long due = Time.plus(allocs.clientSince(p), Time.millis(spec.rescheduleDelayMillis()));
        if (e.atNanos() < due) {
            report(Invariant.RESCHEDULE, e, "failed allocation " + e.previousAlloc()
                    + " rescheduled at " + Time.format(e.atNanos()) + ", before its delay ends at "
                    + Time.format(due));
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < batchJobsPlaced.size(); k++) {
            judgeBatchCount(batchJobsPlaced.getInt(k));
        }
        batchJobsPlaced.clear();
        planSnapshotNanos = Long.MAX_VALUE;
    }

    /**
     * INV-6, nomad#28018: the allocations the reconciler counts toward a batch job's count are
     * those still wanted or finished, plus those a drain deadline stopped (still counted, never
     * replaced); lost and failed ones, ones still running on a node the servers see as down
     * (about to be lost), and ones of a version a destructive update replaces (N-36) are not.
     */
    private void judgeBatchCount(int j) {
        AllocTable allocs = state.allocs;
        IntArrayList ofJob = state.jobs.allocs(j);
        int counted = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            ClientStatus client = allocs.client(a);
            boolean gone = client == ClientStatus.LOST || client == ClientStatus.FAILED;
            boolean kept = allocs.desired(a) == DesiredStatus.RUN
                    || (allocs.disablePlacement(a) && !outdated(a, j));
            boolean leaving = !allocs.clientTerminal(a) && state.nodes.unresponsive(allocs.node(a));
            if (!gone && kept && !leaving) {
                counted++;
            }
        }
        int count = state.jobs.count(j);
        if (counted > count) {
            state.verdicts.report(Invariant.BATCH_NOT_REPLACED, -1, -1, -1, state.jobs.id(j),
                    "batch job " + state.jobs.id(j) + " has " + counted + " allocations that "
                            + "count toward its count " + count + " after a drain stopped some");
        }
    }

    /**
     * Unknown at the snapshot of the plan being committed, client status changed since: its
     * latest unknown spell began at or before the snapshot and ended after it.
     */
    private boolean unknownAtSnapshot(int a) {
        return unknownUntil.containsKey(a) && unknownFrom.get(a) <= planSnapshotNanos
                && unknownUntil.get(a) > planSnapshotNanos;
    }

    /** Placed before its job's latest destructive change (N-36). */
    private boolean outdated(int a, int j) {
        return state.allocs.versionAtPlace(a) < state.jobs.destructiveVersion(j);
    }

    private void report(Invariant invariant, AllocPlaced e, String message) {
        state.verdicts.report(invariant, e.node(), e.alloc(), -1, e.job(), message);
    }
}
