package io.schedsim.monitor.ray;

import io.schedsim.history.ErrorType;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.PlacementStrategy;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.TaskTable;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * R-14 for {@code NodeAffinitySchedulingStrategy} (Ray's node_affinity_scheduling_policy.cc and
 * cluster_lease_manager.cc), with the target judged by the monitor's own view,
 * {@link State#usableFor}: READY, no Nomad drain, no accepted Ray drain, and totals covering the
 * task's CPU, memory and custom resource. A busy target is usable: the request queues there, so
 * "no room now" never excuses going elsewhere.
 * <ol>
 *   <li>A hard affinity's lease goes to its target and nowhere else.</li>
 *   <li>An attempt fails TASK_UNSCHEDULABLE only if its task is a hard affinity whose target is
 *   not usable at some moment of that instant.</li>
 *   <li>A soft affinity's lease goes to another node only if its target was not usable at some
 *   instant since that attempt was created (its first task-attempt-changed): the request may
 *   have fallen back to the hybrid policy then and waited elsewhere since.</li>
 *   <li>An attempt FAILED TASK_UNSCHEDULABLE ends its task: the task resolves
 *   TASK_UNSCHEDULABLE by the end of that step and gets no further attempt.</li>
 * </ol>
 * Order within an instant is free (docs/history.md §1.4), so 2 and 3 are judged when the instant
 * closes, and a target that was unusable at any moment of an instant counts as unusable in it.
 * For that the guard keeps, per node index, whether it is up (READY with no drain) and when it
 * last turned up: a target up at the end whose last turn up came before the window began was up
 * throughout it. Feasibility depends on totals only, fixed at registration.
 */
public final class AffinityGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.TASK_ATTEMPT_CHANGED,
            EventType.LEASE_GRANTED, EventType.NODE_STATUS_CHANGED, EventType.DRAIN_SET_CALL,
            EventType.DRAIN_CANCEL_CALL, EventType.DRAIN_COMPLETED, EventType.RAY_DRAIN_CALL,
            EventType.NODE_PURGED);

    private final State state;
    /** Per node index: READY with no drain, as of the last event that could change it. */
    private boolean[] up = new boolean[16];
    /** Per node index: when it last turned {@link #up}. */
    private long[] upSince = new long[16];
    /** Per task index (affinity tasks only): when its latest attempt appeared, and its number. */
    private long[] createdAt = new long[32];
    private int[] createdAttempt = new int[32];
    /** This instant's soft leases off target: task index, attempt, window start. */
    private final IntArrayList softTasks = new IntArrayList();
    private final IntArrayList softAttempts = new IntArrayList();
    private final IntArrayList softNodes = new IntArrayList();
    private final LongArrayList softSince = new LongArrayList();
    /** This instant's TASK_UNSCHEDULABLE failures: task index and attempt. */
    private final IntArrayList failedTasks = new IntArrayList();
    private final IntArrayList failedAttempts = new IntArrayList();

    public AffinityGuard(State state) {
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
        switch (state.eventType) {
            case TASK_ATTEMPT_CHANGED -> attemptChanged((TaskAttemptChanged) event);
            case LEASE_GRANTED -> leased((LeaseGranted) event);
            default -> {
                // node events: see after
            }
        }
    }

    @Override
    public void after(HistoryEvent event) {
        int n = state.nodeIndex;
        if (n < 0 || state.eventType == EventType.TASK_ATTEMPT_CHANGED
                || state.eventType == EventType.LEASE_GRANTED) {
            return;
        }
        if (n >= up.length) {
            int size = Math.max(n + 1, up.length * 2);
            up = Arrays.copyOf(up, size);
            upSince = Arrays.copyOf(upSince, size);
        }
        boolean now = state.up(n);
        if (now && !up[n]) {
            upSince[n] = state.eventNanos;
        }
        up[n] = now;
    }

    private void attemptChanged(TaskAttemptChanged e) {
        int t = state.taskIndex;
        TaskTable tasks = state.tasks;
        if (e.attempt() >= tasks.attempts(t)) {
            if (tasks.lastError(t) == ErrorType.TASK_UNSCHEDULABLE) {
                report(e.node(), e.task(), "attempt " + e.attempt() + " of task " + e.task()
                        + " retries a task whose attempt failed TASK_UNSCHEDULABLE: never "
                        + "retried");
            }
            if (tasks.strategy(t) == PlacementStrategy.NODE_AFFINITY) {
                if (t >= createdAt.length) {
                    int size = Math.max(t + 1, createdAt.length * 2);
                    createdAt = Arrays.copyOf(createdAt, size);
                    createdAttempt = Arrays.copyOf(createdAttempt, size);
                }
                createdAt[t] = state.eventNanos;
                createdAttempt[t] = e.attempt();
            }
        }
        if (e.errorType() == ErrorType.TASK_UNSCHEDULABLE) {
            failedTasks.add(t);
            failedAttempts.add(e.attempt());
        }
    }

    private void leased(LeaseGranted e) {
        int t = state.taskIndex;
        TaskTable tasks = state.tasks;
        if (tasks.strategy(t) != PlacementStrategy.NODE_AFFINITY
                || e.node() == tasks.targetNode(t)) {
            return;
        }
        if (!tasks.soft(t)) {
            report(e.node(), e.task(), "lease for attempt " + e.attempt() + " of task "
                    + e.task() + " granted on node " + e.node() + ", not on its hard "
                    + "NODE_AFFINITY target node " + tasks.targetNode(t));
            return;
        }
        // An attempt whose first event has not come yet was created in this instant.
        boolean known = t < createdAt.length && createdAttempt[t] == e.attempt()
                && tasks.attempts(t) > e.attempt();
        softTasks.add(t);
        softAttempts.add(e.attempt());
        softNodes.add(e.node());
        softSince.add(known ? createdAt[t] : state.eventNanos);
    }

    @Override
    public void endOfInstant(long instantNanos) {
        TaskTable tasks = state.tasks;
        for (int k = 0; k < softTasks.size(); k++) {
            int t = softTasks.getInt(k);
            long since = softSince.getLong(k);
            int target = state.nodes.index(tasks.targetNode(t));
            if (usableThroughout(t, target, since)) {
                report(softNodes.getInt(k), tasks.id(t), "lease for attempt "
                        + softAttempts.getInt(k) + " of task " + tasks.id(t) + " granted on node "
                        + softNodes.getInt(k) + " while its soft NODE_AFFINITY target node "
                        + tasks.targetNode(t) + " was usable (READY, no drain, feasible) "
                        + "throughout since the attempt was created at " + Time.format(since)
                        + ": a busy target keeps the request queued there");
            }
        }
        for (int k = 0; k < failedTasks.size(); k++) {
            judgeUnschedulable(failedTasks.getInt(k), failedAttempts.getInt(k), instantNanos);
        }
        softTasks.clear();
        softAttempts.clear();
        softNodes.clear();
        softSince.clear();
        failedTasks.clear();
        failedAttempts.clear();
    }

    private void judgeUnschedulable(int t, int attempt, long instantNanos) {
        TaskTable tasks = state.tasks;
        long task = tasks.id(t);
        int targetId = tasks.targetNode(t);
        if (!tasks.hardAffinity(t)) {
            report(-1, task, "attempt " + attempt + " of task " + task + " failed "
                    + "TASK_UNSCHEDULABLE, but the task is not a hard NODE_AFFINITY (strategy "
                    + tasks.strategy(t) + (tasks.soft(t) ? ", soft" : "") + ")");
        } else if (usableThroughout(t, state.nodes.index(targetId), instantNanos)) {
            report(targetId, task, "attempt " + attempt + " of task " + task + " failed "
                    + "TASK_UNSCHEDULABLE while its hard NODE_AFFINITY target node " + targetId
                    + " was usable (READY, no drain, feasible) throughout the instant");
        }
        if (tasks.resolved(t) != ErrorType.TASK_UNSCHEDULABLE) {
            report(-1, task, "task " + task + " is " + (tasks.resolved(t) == null
                    ? "unresolved" : "resolved " + tasks.resolved(t)) + " at the end of the "
                    + "step its attempt " + attempt + " failed TASK_UNSCHEDULABLE");
        }
    }

    /**
     * Node index {@code n} is usable for task {@code t} now, at the end of the instant, and was
     * since {@code since}: up now and it last turned up before {@code since} (feasibility does
     * not change). A target that turned up at {@code since} itself may have been unusable then.
     */
    private boolean usableThroughout(int t, int n, long since) {
        return state.usableFor(t, n) && n < up.length && upSince[n] < since;
    }

    private void report(int node, long task, String message) {
        state.verdicts.report(Invariant.NODE_AFFINITY, node, -1, task, -1, message);
    }
}
