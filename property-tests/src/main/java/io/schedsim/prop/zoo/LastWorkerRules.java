package io.schedsim.prop.zoo;

import io.schedsim.model.ClusterControl;
import io.schedsim.model.KillerRules;

/**
 * Bug 28: the chaos killer kills while a single candidate is left, forgetting setup_chaos.py's
 * floor (it kills only while the candidates number at least the batch size plus one), so it can
 * take the last worker. Breaks INV-20. chaos-swarm reaches the floor with its kills whose victim
 * the killer's rules pick.
 */
final class LastWorkerRules implements KillerRules {
    static final LastWorkerRules INSTANCE = new LastWorkerRules();

    private LastWorkerRules() {}

    @Override
    public boolean candidate(ClusterControl control, int node, boolean killedBefore) {
        return KillerRules.RAY.candidate(control, node, killedBefore);
    }

    @Override
    public int candidatesMin() {
        return 1;
    }
}
