package io.schedsim.monitor.ray;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.TaskTable;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * a child task is owned by the parent attempt that submitted it. When that owner dies,
 * nobody is left to retry the child, so no new attempt of it ever starts; and once the death is
 * reported, the raylets kill the worker leased to it (ray:src/ray/raylet/node_manager.cc:
 * {@code HandleUnexpectedWorkerFailure} for a worker whose failure its live raylet reported,
 * {@code NodeRemoved} for every owner on a node declared DEAD), so the child's attempt is no
 * longer RUNNING at the end of that step (its reservation then goes with it, INV-17,
 * {@link LedgerGuard}). Reported deaths, read from the history: the owner's attempt FAILED
 * WORKER_DIED (the killer's F-3 needs a live raylet), or the owner's node turned DOWN. An owner
 * failed by its killed raylet's exiting workers is reported only by that DOWN. Excused: a
 * child on a node whose processes are already gone (host terminated or agent killed), which fails
 * with its node instead. The model kills at the report; Ray's pubsub latency and
 * the SIGTERM grace of {@code KillAsync} are not modelled, so the bound is the step.
 */
public final class OwnerDeathGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.TASK_SUBMITTED,
            EventType.TASK_ATTEMPT_CHANGED, EventType.NODE_STATUS_CHANGED);

    private final State state;
    /** By task index: the owner's attempt number when the child was submitted, or -1. */
    private final IntArrayList ownerAttempt = new IntArrayList();
    /** By task index: the node the owner's attempt ran on, or -1. */
    private final IntArrayList ownerNode = new IntArrayList();
    /** By task index: its latest child's index, or -1. */
    private final IntArrayList latestChild = new IntArrayList();
    /** Children (task index, attempt) that must not be RUNNING at the end of this step. */
    private final IntArrayList dueTasks = new IntArrayList();
    private final IntArrayList dueAttempts = new IntArrayList();

    public OwnerDeathGuard(State state) {
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
        if (event instanceof TaskAttemptChanged e) {
            int t = state.taskIndex;
            TaskTable tasks = state.tasks;
            int p = tasks.parent(t);
            if (p >= 0 && e.attempt() == tasks.attempts(t) && ownerDead(t, p)) {
                state.verdicts.report(Invariant.OWNER_DEATH, e.node(), -1, e.task(), -1,
                        "attempt " + e.attempt() + " of child task " + e.task() + " after its "
                                + "owner, attempt " + ownerAttempt.getInt(t) + " of task "
                                + tasks.id(p) + ", died: nobody is left to retry it");
            }
        }
    }

    @Override
    public void after(HistoryEvent event) {
        TaskTable tasks = state.tasks;
        if (event.type() == EventType.TASK_SUBMITTED) {
            int t = state.taskIndex;
            int p = tasks.parent(t);
            while (ownerAttempt.size() <= t) {
                ownerAttempt.add(-1);
                ownerNode.add(-1);
                latestChild.add(-1);
            }
            if (p >= 0) {
                ownerAttempt.set(t, tasks.attempts(p) - 1);
                ownerNode.set(t, tasks.node(p));
                latestChild.set(p, t);
            }
        } else if (event instanceof TaskAttemptChanged e && e.state() == AttemptState.FAILED
                && e.errorType() == ErrorType.WORKER_DIED) {
            int p = state.taskIndex;
            int c = p < latestChild.size() ? latestChild.getInt(p) : -1;
            if (c >= 0 && ownerAttempt.getInt(c) == e.attempt()) {
                oblige(c);
            }
        } else if (event instanceof NodeStatusChanged e && e.status() == NodeStatus.DOWN) {
            int n = state.nodeIndex;
            for (int c = 0; c < ownerNode.size(); c++) {
                if (ownerNode.getInt(c) == n && ownerAttempt.getInt(c) >= 0) {
                    oblige(c);
                }
            }
        }
    }

    /** The owner attempt of child {@code t} has failed (or a later attempt of its task exists). */
    private boolean ownerDead(int t, int p) {
        TaskTable tasks = state.tasks;
        return tasks.attempts(p) - 1 != ownerAttempt.getInt(t)
                || tasks.state(p) == AttemptState.FAILED;
    }

    /** Child {@code c}'s owner died, reported now: a running attempt must end in this step. */
    private void oblige(int c) {
        TaskTable tasks = state.tasks;
        int n = tasks.node(c);
        if (tasks.state(c) != AttemptState.RUNNING || n < 0 || !state.nodes.alive(n)
                || state.nodes.down(n)) {
            return;
        }
        dueTasks.add(c);
        dueAttempts.add(tasks.attempts(c) - 1);
    }

    @Override
    public void endOfInstant(long instantNanos) {
        TaskTable tasks = state.tasks;
        for (int k = 0; k < dueTasks.size(); k++) {
            int c = dueTasks.getInt(k);
            int attempt = dueAttempts.getInt(k);
            if (tasks.attempts(c) - 1 == attempt && tasks.state(c) == AttemptState.RUNNING) {
                int p = tasks.parent(c);
                state.verdicts.report(Invariant.OWNER_DEATH, state.nodes.id(tasks.node(c)), -1,
                        tasks.id(c), -1, "attempt " + attempt + " of child task " + tasks.id(c)
                                + " still RUNNING on node " + state.nodes.id(tasks.node(c))
                                + " after the death of its owner, attempt "
                                + ownerAttempt.getInt(c) + " of task " + tasks.id(p)
                                + ", was reported: its raylet kills the worker leased to it");
            }
        }
        dueTasks.clear();
        dueAttempts.clear();
    }
}
