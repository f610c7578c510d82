package io.schedsim.fault.inject;

import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.VictimChoice;
import io.schedsim.fault.plan.VictimRule;
import io.schedsim.model.ClusterControl;
import io.schedsim.model.KillerRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the victim of a {@link TerminateInstance} or a {@link io.schedsim.fault.plan.KillRaylet}
 * with the Ray chaos killer's rules
 * ({@code NodeKillerBase._find_resources_to_kill}): candidates are the workers alive in the server
 * view that are not the head and not yet killed, in node-slot order; nothing is killed unless at
 * least two are candidates, so at least one worker always stays alive.
 */
final class VictimResolver {
    private final ClusterControl control;
    private final FaultLedger ledger;
    private final boolean killerPlan;
    private final KillerRules rules;

    VictimResolver(ClusterControl control, FaultLedger ledger, boolean killerPlan,
            KillerRules rules) {
        this.control = control;
        this.ledger = ledger;
        this.killerPlan = killerPlan;
        this.rules = rules;
    }

    /**
     * Kills the victim (its host with F-1, or only its raylet with F-2 when {@code raylet}) and
     * returns it, or says why there is none yet.
     */
    Firing kill(VictimChoice action, boolean raylet) {
        if (action.victim() == VictimRule.SLOT) {
            String why = slotUnusable(action.victimPick());
            if (why != null) {
                return Firing.skipped(action.victimPick(), why);
            }
        }
        List<Integer> candidates = candidates();
        if (candidates.size() < rules.candidatesMin()) {
            return Firing.recheck("fewer than " + rules.candidatesMin() + " alive workers not yet killed ("
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
        // A victim the killer's rules picked (first or random of their candidates) is the
        // killer's choice whoever planned the kill, so the history names it the killer's and
        // INV-20's head exclusion judges it; a slot the plan names is the plan's own choice.
        boolean killersChoice = killerPlan || action.victim() != VictimRule.SLOT;
        if (raylet && killersChoice) {
            control.killAgentByKiller(victim);
        } else if (raylet) {
            control.killAgent(victim);
        } else if (killersChoice) {
            control.terminateHostByKiller(victim);
        } else {
            control.terminateHost(victim);
        }
        ledger.markKilled(victim);
        return Firing.fired(victim, "victim " + action.victim().label() + " of "
                + candidates.size() + " candidates");
    }

    /** The workers the killer's rules admit (Ray's: alive, not head, not killed), by slot. */
    List<Integer> candidates() {
        List<Integer> candidates = new ArrayList<>();
        for (int node = 0; node < control.nodeSlotCount(); node++) {
            if (rules.candidate(control, node, ledger.killedNodes().contains(node))) {
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
