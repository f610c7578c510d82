package io.schedsim.monitor.ray;

import io.schedsim.history.ActorCreated;
import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.ActorTaskSubmitted;
import io.schedsim.history.AttemptState;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * Ray actors (R-6, R-3, R-10, INV-28), from the actor events alone. R-6: an actor goes
 * PENDING_CREATION → ALIVE → (RESTARTING → ALIVE)* → DEAD and DEAD is final; a RESTARTING
 * follows an ALIVE; restarts not caused by preemption (R-3: its node died DEAD preempted, R-11,
 * judged by the monitor's own node table) never exceed max_restarts, and max_restarts 0 never
 * restarts; a task runs only on its ALIVE actor's node, in submission order (every earlier one
 * FINISHED, or FAILED past max_task_retries), never again once FINISHED, and with at most
 * max_task_retries + 1 attempts. R-10: once a node is DEAD no actor is ALIVE and no actor task
 * RUNNING there by the end of that step. INV-28 (liveness): with max_restarts -1 and
 * max_task_retries -1 every submitted task has a FINISHED attempt, unless the actor waits for a
 * node at the end (PENDING_CREATION or RESTARTING while no ALIVE, non-draining node has its CPU
 * free): R-14 keeps it pending, as INV-23 excuses a waiting task.
 */
public final class ActorGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.ACTOR_CREATED,
            EventType.ACTOR_STATE_CHANGED, EventType.ACTOR_TASK_SUBMITTED,
            EventType.ACTOR_TASK_CHANGED, EventType.NODE_STATUS_CHANGED);

    private final State state;
    private final ActorTable actors = new ActorTable();
    private final IntArrayList deadNodes = new IntArrayList();

    public ActorGuard(State state) {
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
    public void after(HistoryEvent event) {
        if (event instanceof ActorCreated e) {
            if (!actors.create(e.actor(), e.maxRestarts(), e.maxTaskRetries())) {
                inconsistent("introduces actor " + e.actor() + " a second time");
            }
        } else if (event instanceof ActorStateChanged e) {
            changed(e);
        } else if (event instanceof ActorTaskSubmitted e) {
            submitted(e);
        } else if (event instanceof ActorTaskChanged e) {
            task(e);
        } else if (event instanceof NodeStatusChanged e && e.status() == NodeStatus.DOWN
                && state.config.rayDetector() && !deadNodes.contains(state.nodeIndex)) {
            deadNodes.add(state.nodeIndex);
        }
    }

    private ActorTable.Row known(long actor) {
        ActorTable.Row row = actors.row(actor);
        if (row == null) {
            inconsistent("names actor " + actor + ", which the history never introduced");
        }
        return row;
    }

    private void changed(ActorStateChanged e) {
        ActorTable.Row row = known(e.actor());
        if (row == null) {
            return;
        }
        ActorState from = row.state;
        ActorState next = e.state();
        if (from == ActorState.DEAD) {
            report(e.node(), "actor " + e.actor() + " turns " + next + " after DEAD");
            return;
        }
        boolean allowed = switch (next) {
            case PENDING_CREATION -> from == null;
            case ALIVE -> from == ActorState.PENDING_CREATION || from == ActorState.RESTARTING;
            case RESTARTING -> from == ActorState.ALIVE;
            case DEAD -> from != null;
        };
        if (!allowed) {
            report(e.node(), "actor " + e.actor() + " went from " + from + " to " + next);
        }
        if (next == ActorState.RESTARTING) {
            restarted(row, e);
        }
        row.state = next;
        row.node = next == ActorState.ALIVE ? state.nodeIndex : -1;
    }

    /** judged on the monitor's own count and its own reading of the node's death. */
    private void restarted(ActorTable.Row row, ActorStateChanged e) {
        int n = state.nodeIndex;
        boolean preempted = n >= 0 && state.nodes.down(n) && state.nodes.deathPreempted(n);
        if (preempted) {
            row.freeRestarts++;
        } else {
            row.countedRestarts++;
        }
        if (row.maxRestarts == 0) {
            report(e.node(), "actor " + row.id + " restarts with max_restarts 0"
                    + (preempted ? " (a preempted death is free only when max_restarts > 0)"
                    : ""));
        } else if (row.maxRestarts > 0 && row.countedRestarts > row.maxRestarts) {
            report(e.node(), "actor " + row.id + " restarts " + row.countedRestarts
                    + " times, max_restarts " + row.maxRestarts + " (+ " + row.freeRestarts
                    + " preempted)");
        }
    }

    private void submitted(ActorTaskSubmitted e) {
        ActorTable.Row row = known(e.actor());
        if (row == null) {
            return;
        }
        int seq = e.sequenceNumber();
        if (row.submitted(seq)) {
            inconsistent("submits task " + seq + " to actor " + e.actor() + " a second time");
            return;
        }
        row.grow(seq);
        row.known[seq] = true;
        row.submitted++;
    }

    private void task(ActorTaskChanged e) {
        ActorTable.Row row = known(e.actor());
        if (row == null) {
            return;
        }
        int seq = e.sequenceNumber();
        if (!row.submitted(seq)) {
            inconsistent("names task " + seq + " of actor " + e.actor()
                    + ", which was never submitted");
            return;
        }
        if (e.state() == AttemptState.RUNNING) {
            started(row, e, seq);
        } else if (e.attempt() != row.attempts[seq] - 1
                || row.last[seq] != AttemptState.RUNNING) {
            state.verdicts.report(Invariant.MONOTONIC_STATES, e.node(), -1, -1, -1, "attempt "
                    + e.attempt() + " of task " + seq + " of actor " + e.actor() + " turns "
                    + e.state() + " without running (last: " + row.last[seq] + ")");
            return;
        } else if (e.state() == AttemptState.FAILED) {
            row.failures[seq]++;
        } else if (e.state() == AttemptState.FINISHED) {
            row.finished[seq] = true;
        } else {
            report(e.node(), "task " + seq + " of actor " + e.actor() + " turns " + e.state());
        }
        row.last[seq] = e.state();
        row.advanceOpen();
    }

    private void started(ActorTable.Row row, ActorTaskChanged e, int seq) {
        long actor = e.actor();
        if (row.state != ActorState.ALIVE || row.node != state.nodeIndex) {
            report(e.node(), "task " + seq + " of actor " + actor + " runs on node " + e.node()
                    + " while the actor is " + row.state + (row.state == ActorState.ALIVE
                    ? " on node " + state.nodes.id(row.node) : ""));
        }
        if (row.finished[seq]) {
            report(e.node(), "task " + seq + " of actor " + actor + " runs again after it"
                    + " FINISHED");
        } else if (seq > row.lowestOpen) {
            report(e.node(), "task " + seq + " of actor " + actor + " runs before task "
                    + row.lowestOpen + " ended (submission order)");
        }
        if (e.attempt() != row.attempts[seq] || row.last[seq] == AttemptState.RUNNING) {
            state.verdicts.report(Invariant.MONOTONIC_STATES, e.node(), -1, -1, -1, "attempt "
                    + e.attempt() + " of task " + seq + " of actor " + actor + " starts after "
                    + row.attempts[seq] + " attempts (last " + row.last[seq] + ")");
        }
        if (row.maxTaskRetries >= 0 && e.attempt() > row.maxTaskRetries) {
            report(e.node(), "attempt " + e.attempt() + " of task " + seq + " of actor " + actor
                    + " exceeds max_task_retries " + row.maxTaskRetries);
        }
        row.attempts[seq] = Math.max(row.attempts[seq], e.attempt() + 1);
        row.last[seq] = AttemptState.RUNNING;
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < deadNodes.size(); k++) {
            int n = deadNodes.getInt(k);
            for (ActorTable.Row row : actors.rows) {
                if (row.state == ActorState.ALIVE && row.node == n) {
                    state.verdicts.report(Invariant.NODE_DEATH_FAILS_ATTEMPTS, state.nodes.id(n),
                            -1, -1, -1, "actor " + row.id + " still ALIVE on DEAD node "
                                    + state.nodes.id(n) + ": neither restarted nor DEAD");
                }
            }
        }
        deadNodes.clear();
    }

    /** INV-28, once, after a settled run. */
    @Override
    public void finish(long endNanos, boolean settled) {
        for (ActorTable.Row row : actors.rows) {
            if (row.maxRestarts != -1 || row.maxTaskRetries != -1) {
                continue;
            }
            if (!settled) {
                state.verdicts.skip(Invariant.ACTOR_AT_LEAST_ONCE, "the run did not settle");
                return;
            }
            int missing = 0;
            int first = -1;
            for (int seq = 0; seq < row.known.length; seq++) {
                if (row.known[seq] && !row.finished[seq]) {
                    first = missing == 0 ? seq : first;
                    missing++;
                }
            }
            if (missing > 0 && row.state != ActorState.ALIVE && !placeable(row.id)) {
                state.verdicts.skip(Invariant.ACTOR_AT_LEAST_ONCE, missing + " tasks of actor "
                        + row.id + " wait: it is " + row.state + " and no ALIVE, non-draining"
                        + " node has its " + state.actors.cpuOf(row.id) + " mCPU free (R-14)");
            } else if (missing > 0) {
                state.verdicts.report(Invariant.ACTOR_AT_LEAST_ONCE, -1, -1, -1, -1, missing
                        + " of " + row.submitted + " tasks of actor " + row.id + " never"
                        + " FINISHED (max_restarts -1, max_task_retries -1), first: task "
                        + first);
            }
        }
    }

    /**
     * Some ALIVE, non-draining node has the actor's CPU free beside what allocations, tasks and
     * live actors hold there, as INV-23 asks of a waiting task.
     */
    private boolean placeable(long actor) {
        NodeTable nodes = state.nodes;
        long cpu = state.actors.cpuOf(actor);
        for (int n = 0; n < nodes.count(); n++) {
            if (!nodes.down(n) && nodes.alive(n) && !nodes.draining(n) && !nodes.rayDraining(n)
                    && nodes.cpuMilli(n) - state.ledger.cpuOn(n) - state.actors.cpuOn(n)
                    >= cpu) {
                return true;
            }
        }
        return false;
    }

    private void report(int node, String message) {
        state.verdicts.report(Invariant.ACTOR_RESTARTS, node, -1, -1, -1, message);
    }

    private void inconsistent(String message) {
        state.verdicts.report(Invariant.HISTORY_INCONSISTENT, -1, -1, -1, -1, message);
    }
}
