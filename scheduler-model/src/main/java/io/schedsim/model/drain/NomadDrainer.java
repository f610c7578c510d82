package io.schedsim.model.drain;

import io.schedsim.core.event.EventQueue;
import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.job.JobType;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;

/**
 * The correct drainer. Passes are batched by BatchUpdateInterval (N-19): a pass applies the
 * job-wide pacing formula of nomad/drainer/watch_jobs.go (N-13, N-14) to every service job with
 * allocations on a draining node, then completes every node that is done (N-16, N-17); a node
 * already done when its drain is set completes at once, as Nomad's node watcher does. A deadline
 * timer marks all remaining allocations and clears the drain in one step (N-18). Deadlines are
 * coalesced as nomad/drainer/drain_heap.go does (N-19): one timer, at the latest deadline before
 * the earliest + NodeDeadlineCoalesceWindow, fires every drain due by then as one batch; a force
 * drain (deadline now) fires at once on its own, as upstream's zero deadline does; a window of 0
 * fires each distinct deadline on its own.
 */
public class NomadDrainer implements Drainer {
    protected final ModelContext context;
    protected final StateStore state;
    private final Simulation sim;
    /** Upstream's zero time for a force drain: before every real deadline, never coalesced. */
    private static final long FORCE = Long.MIN_VALUE;

    /** Per node slot, the deadline the heap watches (FORCE for force); NEVER when untracked. */
    private final LongArrayList deadlineKeys = new LongArrayList();
    private long heapHandle = EventQueue.NO_HANDLE;
    private long heapAtNanos = SimTime.NEVER;
    private int passKind;
    private int deadlineKind;
    private boolean passScheduled;

    public NomadDrainer(ModelContext context) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
    }

    @Override
    public void start() {
        passKind = sim.registerKind("drain.pass", (entity, payload) -> {
            passScheduled = false;
            pass();
        });
        deadlineKind = sim.registerKind("drain.deadline", (slot, payload) -> onDeadline());
    }

    @Override
    public void onDrainSet(Node node) {
        while (deadlineKeys.size() <= node.slot()) {
            deadlineKeys.add(SimTime.NEVER);
        }
        deadlineKeys.set(node.slot(), SimTime.NEVER);
        // N-17 (nomad/drainer/watch_nodes.go Update): a node already done when its drain is set
        // or updated (no allocations, or only system and client-terminal ones) completes in this
        // very step; the batch window paces allocation marks, not this check.
        if (completesWhenSet(node)) {
            finishNode(node);
            return;
        }
        long deadline = node.drainDeadlineNanos();
        if (deadline != SimTime.NEVER) {
            // Only force sets a deadline of now (a positive one lies ahead, none is NEVER).
            deadlineKeys.set(node.slot(), deadline <= sim.nowNanos() ? FORCE : deadline);
        }
        scheduleDeadlines();
        schedulePass();
    }

    @Override
    public void onDrainCancelled(Node node) {
        untrack(node);
    }

    @Override
    public void onNodePurged(Node node) {
        untrack(node);
    }

    /** The deadline heap forgets {@code node} (upstream's Remove) and re-arms its timer. */
    private void untrack(Node node) {
        if (node.slot() < deadlineKeys.size()) {
            deadlineKeys.set(node.slot(), SimTime.NEVER);
            scheduleDeadlines();
        }
    }

    /** The coalesce window (N-19); a variant that does not coalesce returns 0. */
    protected long deadlineCoalesceWindowNanos() {
        return SimTime.millis(context.config().drainDeadlineCoalesceWindowMillis);
    }

    /**
     * drain_heap.go {@code calculateNextDeadline}: the timer is due at the latest tracked
     * deadline strictly before the earliest + window (the earliest itself with a window of 0),
     * or now for a force drain. Re-armed only when that time changes, so a timer that stays put
     * keeps its place among same-time events.
     */
    private void scheduleDeadlines() {
        long earliest = SimTime.NEVER;
        int earliestSlot = -1;
        for (int slot = 0; slot < deadlineKeys.size(); slot++) {
            long key = deadlineKeys.getLong(slot);
            if (key != SimTime.NEVER && state.node(slot).draining() && key < earliest) {
                earliest = key;
                earliestSlot = slot;
            }
        }
        if (earliestSlot < 0) {
            sim.cancel(heapHandle);
            heapHandle = EventQueue.NO_HANDLE;
            heapAtNanos = SimTime.NEVER;
            return;
        }
        long fire = earliest;
        int fireSlot = earliestSlot;
        if (earliest != FORCE) {
            long limit = earliest + deadlineCoalesceWindowNanos();
            for (int slot = 0; slot < deadlineKeys.size(); slot++) {
                long key = deadlineKeys.getLong(slot);
                if (key != SimTime.NEVER && state.node(slot).draining() && key < limit
                        && key > fire) {
                    fire = key;
                    fireSlot = slot;
                }
            }
        }
        long at = Math.max(sim.nowNanos(), fire);
        if (heapHandle != EventQueue.NO_HANDLE && heapAtNanos == at) {
            return;
        }
        sim.cancel(heapHandle);
        heapHandle = sim.schedule(at, deadlineKind, fireSlot, 0);
        heapAtNanos = at;
    }

    @Override
    public void onAllocChanged(Alloc alloc) {
        if (anyDraining()) {
            schedulePass();
        }
    }

    @Override
    public boolean quiescent() {
        return !passScheduled;
    }

    protected void schedulePass() {
        if (!passScheduled) {
            passScheduled = true;
            sim.postAfter(SimTime.millis(context.config().drainBatchUpdateIntervalMillis),
                    passKind, 0, 0);
        }
    }

    private boolean anyDraining() {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            if (state.node(slot).draining()) {
                return true;
            }
        }
        return false;
    }

    /** One drainer pass: pace every affected service job, then finish every done node. */
    protected void pass() {
        IntAVLTreeSet jobIds = new IntAVLTreeSet();
        for (Alloc alloc : state.allocs().all()) {
            if (state.node(alloc.node()).draining() && !alloc.isTerminal()) {
                jobIds.add(alloc.job().id());
            }
        }
        for (int jobId : jobIds) {
            Job job = state.jobs().get(jobId);
            if (job.type() == JobType.SERVICE) {
                paceJob(job);
            }
        }
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            if (node.draining() && isDone(node)) {
                finishNode(node);
            }
        }
    }

    /** N-13/N-14: numToDrain = min(|drainable|, healthy − (count − max_parallel)), job-wide. */
    protected void paceJob(Job job) {
        List<Alloc> drainable = new java.util.ArrayList<>();
        int healthy = 0;
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() != job || alloc.isTerminal() || alloc.migrate()) {
                continue;
            }
            if (alloc.health().isSet()) {
                healthy++;
            }
            if (state.node(alloc.node()).draining()) {
                drainable.add(alloc);
            }
        }
        int numToDrain = Math.min(drainable.size(),
                healthy - (job.count() - job.migrate().maxParallel()));
        for (int i = 0; i < numToDrain; i++) {
            state.markForMigration(drainable.get(i), false, false);
        }
        if (numToDrain > 0) {
            context.control().createEval(job, "node-drain", -1);
        }
    }

    /** N-17: whether a drain just set or updated on {@code node} completes at once. */
    protected boolean completesWhenSet(Node node) {
        return isDone(node);
    }

    /** N-16: every allocation of a non-system job on the node is client-terminal. */
    protected boolean isDone(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && alloc.job().type() != JobType.SYSTEM
                    && !alloc.client().isTerminal()) {
                return false;
            }
        }
        return true;
    }

    /** N-17: remaining system allocations marked at once (unless ignored), drain cleared. */
    protected void finishNode(Node node) {
        boolean ignoreSystem = node.drainIgnoreSystem();
        state.completeDrain(node, false);
        if (!ignoreSystem) {
            markRemaining(node, JobType.SYSTEM, false);
        }
        untrack(node);
    }

    /**
     * N-18 with N-19's batching (drainer.go {@code handleDeadlinedNodes}): every drain due by
     * now is one batch: first every remaining allocation of every node is marked, then each
     * drain clears, in slot order.
     */
    private void onDeadline() {
        heapHandle = EventQueue.NO_HANDLE;
        heapAtNanos = SimTime.NEVER;
        long now = sim.nowNanos();
        IntArrayList batch = new IntArrayList();
        for (int slot = 0; slot < deadlineKeys.size(); slot++) {
            long key = deadlineKeys.getLong(slot);
            if (key != SimTime.NEVER && key <= now) {
                deadlineKeys.set(slot, SimTime.NEVER);
                if (state.node(slot).draining()) {
                    batch.add(slot);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            markRemaining(state.node(batch.getInt(i)), null, true);
        }
        for (int i = 0; i < batch.size(); i++) {
            state.completeDrain(state.node(batch.getInt(i)), true);
        }
        scheduleDeadlines();
    }

    /** Marks non-terminal allocations on the node (of {@code onlyType}, or all) and evals them. */
    protected void markRemaining(Node node, JobType onlyType, boolean byDeadline) {
        IntAVLTreeSet jobIds = new IntAVLTreeSet();
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() != node.slot() || alloc.isTerminal()) {
                continue;
            }
            JobType type = alloc.job().type();
            if ((onlyType != null && type != onlyType)
                    || (type == JobType.SYSTEM && node.drainIgnoreSystem())) {
                continue;
            }
            state.markForMigration(alloc, type.isBatchLike(), byDeadline);
            jobIds.add(alloc.job().id());
        }
        for (int jobId : jobIds) {
            context.control().createEval(state.jobs().get(jobId), "node-drain", node.slot());
        }
    }
}
