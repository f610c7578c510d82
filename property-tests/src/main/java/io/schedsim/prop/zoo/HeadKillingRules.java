package io.schedsim.prop.zoo;

import io.schedsim.model.ClusterControl;
import io.schedsim.model.KillerRules;

/**
 * Bug 23: the chaos killer lists every alive node as a candidate, forgetting the head exclusion
 * of setup_chaos.py ({@code if node is head: continue}), so with the first-victim rule it takes
 * the head, which runs the GCS and the driver. Breaks INV-20.
 */
final class HeadKillingRules implements KillerRules {
    static final HeadKillingRules INSTANCE = new HeadKillingRules();

    private HeadKillingRules() {}

    @Override
    public boolean candidate(ClusterControl control, int node, boolean killedBefore) {
        return !killedBefore && control.isHostUp(node) && !control.isDownInServerView(node);
    }

    @Override
    public int candidatesMin() {
        return KillerRules.RAY.candidatesMin();
    }
}
