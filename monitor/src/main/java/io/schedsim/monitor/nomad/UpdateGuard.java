package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.EvalCreated;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * N-36's update clause for system and sysbatch jobs (reconcile_node.go): a plan made after the
 * job's latest update leaves no allocation of an older version that the servers want running on a
 * Ready node that is not draining: on an ineligible node it is stopped without a replacement
 * (e2e testJobUpdateOnIneligibleNode), on an eligible one replaced or updated in place; a
 * draining node is tainted and keeps it. And an allocation that only an in-place change left
 * behind is never stopped on an eligible node: it is updated where it runs. A node whose
 * status, eligibility or drain changed after the plan's snapshot is not judged for that plan
 * (the plan could not see the change), nor one changed at the snapshot's instant unless the
 * change came before the plan's evaluation was created (order within an instant is free: the
 * snapshot is taken after its evaluation's creation, at any point of the instant after it);
 * nor a plan whose snapshot is of the update's instant unless its evaluation came after the
 * update; nor is a node marked by a drain.
 */
public final class UpdateGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.PLAN_COMMITTED, EventType.ALLOC_DESIRED_CHANGED, EventType.EVAL_CREATED,
            EventType.NODE_STATUS_CHANGED, EventType.ELIGIBILITY_CHANGED,
            EventType.DRAIN_SET_CALL, EventType.DRAIN_CANCEL_CALL, EventType.DRAIN_COMPLETED,
            EventType.NODE_PURGED);

    private final State state;
    /** Per node index: when its status, eligibility or drain last changed. */
    private long[] changedAtNanos = new long[16];
    /** Per node index: the position (among this guard's events, from 1) of that change. */
    private long[] changedTick = new long[16];
    /** Position of the current event among this guard's events (0 precedes them all). */
    private long tick;
    /** Plans of this instant to judge once their changes are in: job index, snapshot, eval. */
    private final IntArrayList pendingJobs = new IntArrayList();
    private final LongArrayList pendingSnapshots = new LongArrayList();
    private final IntArrayList pendingEvals = new IntArrayList();
    private final LongArrayList pendingEvalTicks = new LongArrayList();
    /** Per evaluation created since its job's first update: the job's version then. */
    private final Int2IntOpenHashMap versionAtEval = new Int2IntOpenHashMap();
    /** Per evaluation created since its job's first update: the position of its creation. */
    private final Int2LongOpenHashMap createdTick = new Int2LongOpenHashMap();
    /** The snapshot of the plan being committed now, or -1, and its evaluation's creation. */
    private long committingSnapshotNanos = -1;
    private long committingEvalTick;

    public UpdateGuard(State state) {
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
        tick++;
        switch (state.eventType) {
            case PLAN_COMMITTED -> onPlan((PlanCommitted) event);
            case ALLOC_DESIRED_CHANGED -> onStop((AllocDesiredChanged) event);
            case EVAL_CREATED -> {
                if (state.jobs.updatedAtNanos(state.jobIndex) >= 0) {
                    int eval = ((EvalCreated) event).eval();
                    versionAtEval.put(eval, state.jobs.version(state.jobIndex));
                    createdTick.put(eval, tick);
                }
            }
            default -> nodeChanged(state.nodeIndex, event.atNanos());
        }
    }

    private void onPlan(PlanCommitted e) {
        int j = state.jobIndex;
        JobTable jobs = state.jobs;
        committingSnapshotNanos = -1;
        long updatedAt = jobs.updatedAtNanos(j);
        // A snapshot strictly after the update, or the plan of an evaluation created after it
        // (the update's own): one taken at its instant may precede it (order within an instant
        // is free, docs/history.md §1.4; guided search, chaos-swarm seed 345: the drain's eval,
        // created just before the update at the same instant).
        boolean sawUpdate = updatedAt >= 0 && (updatedAt < e.plannedAtNanos()
                || versionAtEval.getOrDefault(e.eval(), -1) == jobs.version(j));
        if (!jobs.perNode(j) || !sawUpdate) {
            return;
        }
        committingSnapshotNanos = e.plannedAtNanos();
        // An evaluation created before the job's first update is not in the map: it came
        // before the snapshot's instant, so no change of that instant is known to be seen.
        committingEvalTick = createdTick.getOrDefault(e.eval(), -1L);
        pendingJobs.add(j);
        pendingSnapshots.add(e.plannedAtNanos());
        pendingEvals.add(e.eval());
        pendingEvalTicks.add(committingEvalTick);
    }

    /** A stop of an allocation whose only pending change is in place, on an eligible node. */
    private void onStop(AllocDesiredChanged e) {
        int a = state.allocIndex;
        AllocTable allocs = state.allocs;
        int j = allocs.job(a);
        JobTable jobs = state.jobs;
        int n = allocs.node(a);
        if (e.desired() == DesiredStatus.RUN || committingSnapshotNanos < 0
                || allocs.job(a) != pendingJobs.getInt(pendingJobs.size() - 1)
                || !jobs.perNode(j) || jobs.stopped(j) || allocs.serverTerminal(a)
                || allocs.migrate(a) || !judged(n, committingSnapshotNanos, committingEvalTick)
                || !state.nodes.eligible(n)) {
            return;
        }
        int version = allocs.versionAtPlace(a);
        if (version < jobs.version(j) && version >= jobs.destructiveVersion(j)) {
            state.verdicts.report(Invariant.JOB_UPDATES, state.nodes.id(n), allocs.id(a), -1,
                    jobs.id(j), "allocation " + allocs.id(a) + " of version " + version
                            + " stopped on eligible node " + state.nodes.id(n) + " (\""
                            + e.reason() + "\"); job " + jobs.id(j) + " changed only in place "
                            + "since (destructive version " + jobs.destructiveVersion(j) + ")");
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < pendingJobs.size(); k++) {
            judgePlan(pendingJobs.getInt(k), pendingSnapshots.getLong(k), pendingEvals.getInt(k),
                    pendingEvalTicks.getLong(k));
        }
        pendingJobs.clear();
        pendingSnapshots.clear();
        pendingEvals.clear();
        pendingEvalTicks.clear();
        committingSnapshotNanos = -1;
    }

    private void judgePlan(int j, long snapshotNanos, int eval, long evalTick) {
        AllocTable allocs = state.allocs;
        JobTable jobs = state.jobs;
        if (jobs.stopped(j)) {
            return;
        }
        IntArrayList ofJob = jobs.allocs(j);
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            int n = allocs.node(a);
            if (allocs.terminal(a) || allocs.migrate(a) || allocs.versionAtPlace(a)
                    >= jobs.version(j) || !judged(n, snapshotNanos, evalTick)) {
                continue;
            }
            boolean eligible = state.nodes.eligible(n);
            state.verdicts.report(Invariant.JOB_UPDATES, state.nodes.id(n), allocs.id(a), -1,
                    jobs.id(j), "plan of eval " + eval + " (after job " + jobs.id(j)
                            + "'s update to version " + jobs.version(j) + ") left allocation "
                            + allocs.id(a) + " of version " + allocs.versionAtPlace(a)
                            + " running on " + (eligible ? "eligible" : "ineligible")
                            + " node " + state.nodes.id(n) + (eligible ? "" : " (to be stopped)"));
        }
    }

    /**
     * Ready, not draining, and last changed where the plan's snapshot saw it: before the
     * snapshot's instant, or before the plan's evaluation was created (which precedes its
     * snapshot). A change at the snapshot's instant after that may come after the snapshot
     * (chaos-swarm seeds 813562 and 868855: a drain forced or cancelled at 599.999 s just after
     * another node's evaluation was created; that evaluation's plan saw the node draining).
     */
    private boolean judged(int n, long snapshotNanos, long evalTick) {
        NodeTable nodes = state.nodes;
        return nodes.status(n) == NodeStatus.READY && !nodes.draining(n)
                && (n >= changedAtNanos.length || changedAtNanos[n] < snapshotNanos
                        || changedTick[n] < evalTick);
    }

    private void nodeChanged(int n, long now) {
        if (n < 0) {
            return;
        }
        if (n >= changedAtNanos.length) {
            changedAtNanos = Arrays.copyOf(changedAtNanos, Math.max(n + 1, n * 2));
            changedTick = Arrays.copyOf(changedTick, changedAtNanos.length);
        }
        changedAtNanos[n] = now;
        changedTick[n] = tick;
    }
}
