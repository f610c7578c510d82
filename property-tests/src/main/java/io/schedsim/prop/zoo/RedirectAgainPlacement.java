package io.schedsim.prop.zoo;

import io.schedsim.model.context.ModelContext;

/**
 * Bug: a raylet that received a redirected lease request runs the hybrid policy on it again as
 * if it came from an owner, and redirects it a second time whenever the policy's top-k draw
 * lands elsewhere, instead of granting or queueing it (R-13: Ray sends a spilled-back request
 * with grant_or_reject, normal_task_submitter.cc / cluster_lease_manager.cc). Requests ping-pong
 * between raylets. Breaks INV-22 (ray.LeaseGuard follows each request's spillbacks itself).
 */
final class RedirectAgainPlacement extends HybridPlacementBug {
    RedirectAgainPlacement(ModelContext context) {
        super(context);
    }

    /** The bug: no preferred node, so the top-k draw may send it on again. */
    @Override
    public int redirectedTo(int slot, long cpuMilli) {
        int again = hybrid.pickNode(-1, cpuMilli);
        return again >= 0 ? again : slot;
    }
}
