package io.schedsim.fault.inject;

import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.ClockJump;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.DrainOp;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.KillRaylet;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.RestartNode;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.ClusterControl;
import io.schedsim.model.KillerRules;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.task.ErrorType;
import java.util.List;

/** Fires the instant actions: resolves the target against the live cluster, then acts. */
final class ActionFirer {
    private final ClusterControl control;
    private final FaultLedger ledger;
    private final VictimResolver victims;
    private final DownNodes downNodes;
    private final ClockOffsets clockOffsets;

    ActionFirer(ClusterControl control, FaultLedger ledger, DownNodes downNodes,
            ClockOffsets clockOffsets, boolean killerPlan, KillerRules rules) {
        this.control = control;
        this.ledger = ledger;
        this.victims = new VictimResolver(control, ledger, killerPlan, rules);
        this.downNodes = downNodes;
        this.clockOffsets = clockOffsets;
    }

    Firing fire(FaultAction action) {
        if (action instanceof TerminateInstance terminate) {
            Firing firing = victims.kill(terminate, false);
            if (firing.result() == Firing.Result.FIRED) {
                downNodes.add(firing.nodes().get(0));
            }
            return firing;
        } else if (action instanceof KillRaylet raylet) {
            Firing firing = victims.kill(raylet, true);
            if (firing.result() == Firing.Result.FIRED) {
                downNodes.add(firing.nodes().get(0));
            }
            return firing;
        } else if (action instanceof KillAgent kill) {
            return killAgent(kill.node());
        } else if (action instanceof RestartNode restart) {
            return restart(restart);
        } else if (action instanceof EligibilityFlip flip) {
            return eligibility(flip);
        } else if (action instanceof NodePurge purge) {
            return purge(purge.node());
        } else if (action instanceof Drain drain) {
            return drain(drain);
        } else if (action instanceof RayDrain drain) {
            return rayDrain(drain);
        } else if (action instanceof TaskCrash crash) {
            return crash(crash);
        } else if (action instanceof CancelTask cancel) {
            // Recursive, Ray's default: the cancelled parent's child goes with it.
            return control.cancelTask(cancel.taskPick(), cancel.force(), true)
                    ? Firing.clusterWide("pick=" + cancel.taskPick())
                    : Firing.skipped(List.of(), "no unresolved task");
        } else if (action instanceof ClockJump jump) {
            return jump(jump);
        } else if (action instanceof LeaderFailover) {
            control.leaderFailover();
            return Firing.clusterWide("");
        } else if (action instanceof JobUpdateAction update) {
            int job = update.resolveJob(control.jobCount());
            if (job < 0) {
                return Firing.skipped(List.of(), "no job");
            }
            ApiResult result = update.purges() ? control.purgeJob(job)
                    : control.updateJob(job, update.update());
            return result.accepted() ? Firing.clusterWide("job=" + job)
                    : Firing.skipped(List.of(), "job=" + job + ": " + result.message());
        }
        throw new AssertionError(action);
    }

    private Firing killAgent(int node) {
        String why = Targets.agentUnavailable(control, node);
        if (why != null) {
            return Firing.skipped(node, why);
        }
        control.killAgent(node);
        ledger.markAgentKilled(node);
        downNodes.add(node);
        return Firing.fired(node, "");
    }

    private Firing restart(RestartNode restart) {
        int node = restart.node();
        if (node == FaultAction.ANY_NODE) {
            node = downNodes.firstStillDown(control);
            if (node == FaultAction.ANY_NODE) {
                return Firing.skipped(List.of(), "no node down");
            }
        } else if (!Targets.exists(control, node)) {
            return Firing.skipped(node, Targets.NO_SUCH_NODE);
        } else if (control.isHostUp(node) && control.isAgentUp(node)) {
            return Firing.skipped(node, "node is up");
        }
        int joined = control.restartNode(node, restart.sameIdentity());
        downNodes.remove(node);
        ledger.markRestarted(node);
        return Firing.fired(node, "joined as node=" + joined);
    }

    private Firing eligibility(EligibilityFlip flip) {
        if (!Targets.exists(control, flip.node())) {
            return Firing.skipped(flip.node(), Targets.NO_SUCH_NODE);
        }
        ApiResult result = control.updateEligibility(flip.node(), flip.eligible());
        return Firing.fired(flip.node(), (flip.eligible() ? "eligible " : "ineligible ")
                + describe(result));
    }

    /** N-20, N-31: skipped where the servers reject it (no such node, Ray's final DEAD). */
    private Firing purge(int node) {
        if (!Targets.exists(control, node)) {
            return Firing.skipped(node, Targets.NO_SUCH_NODE);
        }
        ApiResult result = control.purgeNode(node);
        return result.accepted() ? Firing.fired(node, "")
                : Firing.skipped(node, result.message());
    }

    private Firing drain(Drain drain) {
        int node = drain.node();
        if (!Targets.exists(control, node)) {
            return Firing.skipped(node, Targets.NO_SUCH_NODE);
        }
        if (drain.op() == DrainOp.CANCEL) {
            ApiResult result = control.cancelDrain(node, drain.markEligible());
            return Firing.fired(node, "cancel " + describe(result));
        }
        String verb = control.isDraining(node) ? "update " : "enable ";
        return Firing.fired(node, verb + describe(control.updateDrain(node, drain.spec())));
    }

    private Firing rayDrain(RayDrain drain) {
        if (!Targets.exists(control, drain.node())) {
            return Firing.skipped(drain.node(), Targets.NO_SUCH_NODE);
        }
        ApiResult result = control.rayDrainNode(drain.node(), drain.reason(),
                drain.deadlineMillis());
        return Firing.fired(drain.node(), drain.reason() + " " + describe(result));
    }

    private Firing crash(TaskCrash crash) {
        int node = crash.node();
        String why = Targets.agentUnavailable(control, node);
        if (why != null) {
            return Firing.skipped(node, why);
        }
        int crashed = 0;
        // The pick is resolved anew for each crash among the attempts still running (grant order).
        ErrorType cause = switch (crash.cause()) {
            case WORKER_DIED -> ErrorType.WORKER_DIED;
            case APPLICATION_ERROR -> ErrorType.TASK_EXECUTION_EXCEPTION;
            case OOM -> ErrorType.OUT_OF_MEMORY;
        };
        for (int i = 0; i < crash.count(); i++) {
            if (control.crashRunningWork(node, crash.attemptPick(), cause)) {
                crashed++;
            }
        }
        if (crashed == 0) {
            return Firing.skipped(node, "no running work on node");
        }
        return Firing.fired(node, "crashed " + crashed + " of " + crash.count());
    }

    private Firing jump(ClockJump jump) {
        int node = jump.node();
        String why = Targets.hostUnavailable(control, node);
        if (why != null) {
            return Firing.skipped(node, why);
        }
        control.jumpClock(node, SimTime.millis(jump.deltaMillis()));
        clockOffsets.add(node, jump.deltaMillis());
        ledger.markClockDisturbed(node);
        return Firing.fired(node, "");
    }

    private static String describe(ApiResult result) {
        return result.accepted() ? "accepted" : "rejected: " + result.message();
    }
}
