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
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;

/**
 * The correct drainer. Passes are batched by BatchUpdateInterval (N-19): a pass applies the
 * job-wide pacing formula of nomad/drainer/watch_jobs.go (N-13, N-14) to every service job with
 * allocations on a draining node, then completes every node that is done (N-16, N-17); a node
 * already done when its drain is set completes at once, as Nomad's node watcher does. A deadline
 * timer marks all remaining allocations and clears the drain in one step (N-18). Deadlines fire at
 * their own instant: coalescing (N-19) is not modelled, which stays within INV-9's window.
 */
public class NomadDrainer implements Drainer {
    protected final ModelContext context;
    protected final StateStore state;
    private final Simulation sim;
    private final LongArrayList deadlineHandles = new LongArrayList();
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
        deadlineKind = sim.registerKind("drain.deadline", (slot, payload) -> onDeadline(slot));
    }

    @Override
    public void onDrainSet(Node node) {
        while (deadlineHandles.size() <= node.slot()) {
            deadlineHandles.add(EventQueue.NO_HANDLE);
        }
        sim.cancel(deadlineHandles.getLong(node.slot()));
        deadlineHandles.set(node.slot(), EventQueue.NO_HANDLE);
        // N-17 (nomad/drainer/watch_nodes.go Update): a node already done when its drain is set
        // or updated (no allocations, or only system and client-terminal ones) completes in this
        // very step; the batch window paces allocation marks, not this check.
        if (completesWhenSet(node)) {
            finishNode(node);
            return;
        }
        if (node.drainDeadlineNanos() != SimTime.NEVER) {
            long at = Math.max(sim.nowNanos(), node.drainDeadlineNanos());
            deadlineHandles.set(node.slot(), sim.schedule(at, deadlineKind, node.slot(), 0));
        }
        schedulePass();
    }

    @Override
    public void onDrainCancelled(Node node) {
        if (node.slot() < deadlineHandles.size()) {
            sim.cancel(deadlineHandles.getLong(node.slot()));
        }
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
    }

    /** N-18: at the deadline every remaining allocation is marked and the drain clears. */
    private void onDeadline(int slot) {
        Node node = state.node(slot);
        deadlineHandles.set(slot, EventQueue.NO_HANDLE);
        if (!node.draining()) {
            return;
        }
        markRemaining(node, null, true);
        state.completeDrain(node, true);
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
