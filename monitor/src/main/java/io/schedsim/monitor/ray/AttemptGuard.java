package io.schedsim.monitor.ray;

import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskResolved;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.TaskTable;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Task attempts and results. INV-18: attempts are numbered 0, 1, 2, ... with a new one only after
 * the previous FAILED; an attempt moves PENDING -> RUNNING -> FINISHED | FAILED and never back; a
 * task with a FINISHED attempt never runs again; a task resolves once, to a value only after a
 * FINISHED attempt. INV-19: with max_retries >= 0 a task has at most max_retries + 1 attempts plus
 * one per preemption (R-3, judged from the node's death, R-11); it never resolves to a system
 * error (WORKER_DIED, NODE_DIED) with max_retries -1, nor with at most max_retries counted
 * failures. An application error (TASK_EXECUTION_EXCEPTION) is retried only when the
 * task's retry_exceptions is on, and then counts against max_retries like a system failure
 * a new attempt after one that raised with it off, or an error resolution of a task with
 * it on and retries left, breaks INV-19. An OUT_OF_MEMORY kill is retried under the task's own
 * budget, oomRetries (task_oom_retries), and never counts against max_retries: a retry past
 * that budget, or an OUT_OF_MEMORY resolution within it (or with it unlimited), breaks INV-19.
 * A cancelled task (an attempt FAILED TASK_CANCELLED, or a {@code task-cancel-call} on it or,
 * recursive, on an ancestor) never gets another attempt, whatever max_retries says: one
 * breaks INV-19; TASK_CANCELLED is no counted failure.
 * when a node is DEAD, every attempt RUNNING there fails in that step.
 */
public final class AttemptGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.TASK_ATTEMPT_CHANGED, EventType.TASK_RESOLVED, EventType.NODE_STATUS_CHANGED);

    private final State state;
    private final IntArrayList deadNodes = new IntArrayList();

    public AttemptGuard(State state) {
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
            judgeAttempt(e, state.taskIndex);
        } else if (event instanceof TaskResolved e) {
            judgeResolution(e, state.taskIndex);
        }
    }

    @Override
    public void after(HistoryEvent event) {
        if (event instanceof NodeStatusChanged e && e.status() == NodeStatus.DOWN
                && state.config.rayDetector() && !deadNodes.contains(state.nodeIndex)) {
            deadNodes.add(state.nodeIndex);
        }
    }

    private void judgeAttempt(TaskAttemptChanged e, int t) {
        TaskTable tasks = state.tasks;
        int created = tasks.attempts(t);
        int k = e.attempt();
        AttemptState next = e.state();
        if (k == created) {
            judgeNewAttempt(e, t);
            return;
        }
        if (k > created) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " follows attempt " + (created - 1) + ": numbers must be consecutive");
            return;
        }
        if (k < created - 1) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " changes to " + next + " after attempt " + (created - 1) + " exists");
            return;
        }
        AttemptState from = tasks.state(t);
        if (from == next) {
            return;
        }
        boolean allowed = from == AttemptState.PENDING_NODE_ASSIGNMENT
                ? next != AttemptState.FINISHED
                : from == AttemptState.RUNNING && next != AttemptState.PENDING_NODE_ASSIGNMENT;
        if (!allowed) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " went from " + from + " to " + next);
        }
    }

    private void judgeNewAttempt(TaskAttemptChanged e, int t) {
        TaskTable tasks = state.tasks;
        int k = e.attempt();
        if (e.state() != AttemptState.PENDING_NODE_ASSIGNMENT
                && e.state() != AttemptState.RUNNING) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " first appears as " + e.state());
        }
        if (tasks.finishedEver(t)) {
            report(Invariant.MONOTONIC_STATES, e, "task " + e.task() + " runs attempt " + k
                    + " after an attempt FINISHED");
        } else if (k > 0 && tasks.state(t) != AttemptState.FAILED) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " starts while attempt " + (k - 1) + " is " + tasks.state(t));
        }
        if (tasks.resolved(t) != null) {
            report(Invariant.MONOTONIC_STATES, e, "attempt " + k + " of task " + e.task()
                    + " starts after the task resolved to " + tasks.resolved(t));
        }
        if (k > 0 && tasks.lastError(t) == ErrorType.TASK_EXECUTION_EXCEPTION
                && !tasks.retryExceptions(t)) {
            report(Invariant.RETRY_BOUNDS, e, "attempt " + k + " of task " + e.task()
                    + " retries an application error with retry_exceptions off (R-1)");
        }
        if (k > 0 && (tasks.lastError(t) == ErrorType.TASK_CANCELLED || tasks.cancelCalled(t))) {
            report(Invariant.RETRY_BOUNDS, e, "attempt " + k + " of task " + e.task()
                    + " retries a cancelled task: cancelled tasks are never retried (R-1)");
        }
        int oomBudget = tasks.oomRetries(t);
        if (k > 0 && tasks.lastError(t) == ErrorType.OUT_OF_MEMORY && oomBudget >= 0
                && tasks.oomFailures(t) > oomBudget) {
            report(Invariant.RETRY_BOUNDS, e, "attempt " + k + " of task " + e.task()
                    + " retries OOM kill " + tasks.oomFailures(t) + ", beyond task_oom_retries "
                    + oomBudget + " (R-2)");
        }
        int maxRetries = tasks.maxRetries(t);
        int preempted = tasks.preemptedFailures(t);
        int oom = tasks.oomFailures(t);
        if (maxRetries >= 0 && k > maxRetries + preempted + oom) {
            report(Invariant.RETRY_BOUNDS, e, "attempt " + k + " of task " + e.task()
                    + " exceeds max_retries " + maxRetries + " + 1 + " + preempted
                    + " preempted + " + oom + " OOM attempts");
        }
    }

    private void judgeResolution(TaskResolved e, int t) {
        TaskTable tasks = state.tasks;
        if (tasks.resolved(t) != null) {
            report(Invariant.MONOTONIC_STATES, e.task(), "task " + e.task() + " resolved again ("
                    + e.errorType() + " after " + tasks.resolved(t) + ")");
            return;
        }
        ErrorType error = e.errorType();
        if (error == ErrorType.NONE && !tasks.finishedEver(t)) {
            report(Invariant.MONOTONIC_STATES, e.task(), "task " + e.task() + " resolved to a "
                    + "value without a FINISHED attempt");
        }
        if (error == ErrorType.OUT_OF_MEMORY) {
            int oomBudget = tasks.oomRetries(t);
            if (oomBudget < 0 || tasks.oomFailures(t) <= oomBudget) {
                report(Invariant.RETRY_BOUNDS, e.task(), "task " + e.task() + " ended in error "
                        + "OUT_OF_MEMORY after " + tasks.oomFailures(t) + " OOM kills, "
                        + "task_oom_retries " + oomBudget);
            }
            return;
        }
        boolean countedError = error == ErrorType.WORKER_DIED || error == ErrorType.NODE_DIED
                || error == ErrorType.TASK_EXECUTION_EXCEPTION && tasks.retryExceptions(t);
        if (!countedError) {
            return;
        }
        int maxRetries = tasks.maxRetries(t);
        int counted = tasks.countedFailures(t);
        if (maxRetries < 0) {
            report(Invariant.RETRY_BOUNDS, e.task(), "task " + e.task() + " with max_retries -1 "
                    + "ended in error " + error);
        } else if (counted <= maxRetries) {
            report(Invariant.RETRY_BOUNDS, e.task(), "task " + e.task() + " ended in error "
                    + error + " after " + counted + " counted failures, max_retries "
                    + maxRetries);
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < deadNodes.size(); k++) {
            int n = deadNodes.getInt(k);
            IntArrayList running = state.tasks.runningOn(n);
            if (!running.isEmpty()) {
                int t = running.getInt(0);
                state.verdicts.report(Invariant.NODE_DEATH_FAILS_ATTEMPTS, state.nodes.id(n), -1,
                        state.tasks.id(t), -1, running.size() + " attempts still RUNNING on "
                                + "DEAD node " + state.nodes.id(n) + ", first: attempt "
                                + (state.tasks.attempts(t) - 1) + " of task "
                                + state.tasks.id(t));
            }
        }
        deadNodes.clear();
    }

    private void report(Invariant invariant, TaskAttemptChanged e, String message) {
        state.verdicts.report(invariant, e.node(), -1, e.task(), -1, message);
    }

    private void report(Invariant invariant, long task, String message) {
        state.verdicts.report(invariant, -1, -1, task, -1, message);
    }
}
