package io.schedsim.monitor.ray;

import io.schedsim.history.AgentKilled;
import io.schedsim.history.AttemptState;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * R-16 (ray:src/ray/raylet/node_manager.cc {@code HandleShutdownRaylet}): a raylet killed abruptly
 * exits at once and its workers notice within {@code raylet_death_check_interval_milliseconds} =
 * 1 s and exit; their owners see the broken connection and fail the attempts (R-10's RPC-error
 * path). So every attempt RUNNING on the node when its agent is killed has failed (or moved on to
 * a later attempt) once the clock passes kill + 1 s. Excused: the node's host vanished first
 * (owners then only time out) or the node was declared DEAD first (R-10, {@link AttemptGuard}).
 */
public final class WorkerExitGuard extends Guard {
    /** Ray's raylet_death_check_interval_milliseconds (SEMANTICS R-16). */
    static final long WORKER_EXIT_NANOS = Time.millis(1_000);
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.AGENT_KILLED,
            EventType.HOST_TERMINATED, EventType.NODE_STATUS_CHANGED);

    /** One killed raylet's obligation: these attempts must have failed by the deadline. */
    private record Exit(int node, long deadlineNanos, int[] tasks, int[] attempts) {}

    private final State state;
    private final List<Exit> pending = new ArrayList<>();

    public WorkerExitGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesDeadlines() {
        return true;
    }

    @Override
    public void after(HistoryEvent event) {
        int n = state.nodeIndex;
        if (event instanceof AgentKilled e) {
            IntArrayList running = state.tasks.runningOn(n);
            int[] tasks = running.toIntArray();
            int[] attempts = new int[tasks.length];
            for (int i = 0; i < tasks.length; i++) {
                attempts[i] = state.tasks.attempts(tasks[i]) - 1;
            }
            pending.add(new Exit(n, Time.plus(e.atNanos(), WORKER_EXIT_NANOS), tasks, attempts));
        } else if (event instanceof HostTerminated
                || (event instanceof NodeStatusChanged e && e.status() == NodeStatus.DOWN)) {
            pending.removeIf(exit -> exit.node() == n);
        }
    }

    @Override
    public void timePassed(long nowNanos) {
        for (int k = pending.size() - 1; k >= 0; k--) {
            Exit exit = pending.get(k);
            if (exit.deadlineNanos() >= nowNanos) {
                continue;
            }
            pending.remove(k);
            for (int i = 0; i < exit.tasks().length; i++) {
                int t = exit.tasks()[i];
                if (state.tasks.attempts(t) - 1 == exit.attempts()[i]
                        && state.tasks.state(t) == AttemptState.RUNNING) {
                    state.verdicts.report(Invariant.WORKER_EXIT, state.nodes.id(exit.node()), -1,
                            state.tasks.id(t), -1, "attempt " + exit.attempts()[i] + " of task "
                                    + state.tasks.id(t) + " still RUNNING on node "
                                    + state.nodes.id(exit.node()) + " 1 s after its raylet was "
                                    + "killed (its worker exits within 1 s, R-16)");
                    break;
                }
            }
        }
    }

    @Override
    public long nextDeadlineNanos() {
        long next = Time.NEVER;
        for (int k = 0; k < pending.size(); k++) {
            next = Math.min(next, pending.get(k).deadlineNanos());
        }
        return next;
    }
}
