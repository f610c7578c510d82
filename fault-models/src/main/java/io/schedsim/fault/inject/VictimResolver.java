package io.schedsim.fault.inject;

import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.VictimRule;
import io.schedsim.model.ClusterControl;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the victim of a {@link TerminateInstance} with the Ray chaos killer's rules
 * ({@code NodeKillerBase._find_resources_to_kill}): candidates are the workers alive in the server
 * view that are not the head and not yet killed, in node-slot order; nothing is killed unless at
 * least two are candidates, so at least one worker always stays alive.
 */
final class VictimResolver {
    /** Ray kills only while candidates ≥ batch size (1) + 1. */
    static final int CANDIDATES_MIN = 2;

    private final ClusterControl control;
    private final FaultLedger ledger;
    private final boolean killerPlan;

    VictimResolver(ClusterControl control, FaultLedger ledger, boolean killerPlan) {
        this.control = control;
        this.ledger = ledger;
        this.killerPlan = killerPlan;
    }

    /** Terminates the victim and returns it, or says why there is none yet. */
    Firing terminate(TerminateInstance action) {
        if (action.victim() == VictimRule.SLOT) {
            String why = slotUnusable(action.victimPick());
            if (why != null) {
                return Firing.skipped(action.victimPick(), why);
            }
        }
        List<Integer> candidates = candidates();
        if (candidates.size() < CANDIDATES_MIN) {
            return Firing.recheck("fewer than " + CANDIDATES_MIN + " alive workers not yet killed ("
                    + candidates.size() + ")");
        }
        int victim;
        if (action.victim() == VictimRule.FIRST) {
            victim = candidates.get(0);
        } else if (action.victim() == VictimRule.RANDOM) {
            victim = candidates.get(action.victimPick() % candidates.size());
        } else if (candidates.contains(action.victimPick())) {
            victim = action.victimPick();
        } else {
            return Firing.recheck("node " + action.victimPick() + " is down in the server view");
        }
        if (killerPlan) {
            control.terminateHostByKiller(victim);
        } else {
            control.terminateHost(victim);
        }
        ledger.markKilled(victim);
        return Firing.fired(victim, "victim " + action.victim().label() + " of "
                + candidates.size() + " candidates");
    }

    /** Workers alive in the server view, host up, not yet killed, in slot order. */
    List<Integer> candidates() {
        List<Integer> candidates = new ArrayList<>();
        for (int node = 0; node < control.nodeSlotCount(); node++) {
            if (control.isHead(node) || ledger.killedNodes().contains(node)) {
                continue;
            }
            if (control.isHostUp(node) && !control.isDownInServerView(node)) {
                candidates.add(node);
            }
        }
        return candidates;
    }

    /** Why an explicit victim slot can never be killed, or null. */
    private String slotUnusable(int node) {
        if (!Targets.exists(control, node)) {
            return Targets.NO_SUCH_NODE;
        }
        if (control.isHead(node)) {
            return "victim is the head node";
        }
        if (ledger.killedNodes().contains(node) || !control.isHostUp(node)) {
            return Targets.HOST_DOWN;
        }
        return null;
    }
}
