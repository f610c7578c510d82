package io.schedsim.model.sched;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * The correct plan applier (nomad/plan_apply.go): stops and lost updates always commit; every
 * placement is re-checked against the placement gate and capacity at commit, because the plan was
 * made from a snapshot that may be stale (N-23).
 */
public class DefaultPlanApplier implements PlanApplier {
    protected final ModelContext context;

    public DefaultPlanApplier(ModelContext context) {
        this.context = context;
    }

    @Override
    public PlanResult apply(Plan plan) {
        StateStore state = context.state();
        for (Plan.Stop stop : plan.stops) {
            state.stopAlloc(stop.alloc(), stop.reason());
        }
        for (Alloc alloc : plan.lost) {
            if (!alloc.client().isTerminal()) {
                state.markLost(alloc, plan.plannedAtNanos);
                releaseLost(alloc);
                state.sendStop(alloc);
            } else if (alloc.client() == ClientStatus.COMPLETE) {
                // Complete since the snapshot: the stale plan (N-23) still stops it, so the
                // replacement it places takes its place instead of adding one (INV-6;
                // chaos-swarm seeds 1224734, 1182479: a purged node's live client finished a
                // batch allocation while a stalled scheduler held the plan that lost it). Nomad
                // stops a failed one too; the model leaves it as it was (its replacement is in
                // the same plan, and it counts for nothing): stopping a failed system allocation
                // on a node back up needs SystemGuard (INV-16) to read the plan's view first.
                state.stopAsLost(alloc);
            }
        }
        for (Alloc alloc : plan.unknown) {
            // A plan made while the node was disconnected commits after it reconnected, or after
            // the client reported: nothing to mark any more (the next plan reconciles it).
            if (alloc.client() == ClientStatus.RUNNING && !alloc.desired().isServerTerminal()
                    && state.node(alloc.node()).status() == NodeStatus.DISCONNECTED) {
                state.markUnknown(alloc);
            }
        }
        for (Alloc alloc : plan.inPlace) {
            // plan_apply.go accepts in-place updates on any node (N-23); one stopped since the
            // snapshot has nothing left to update.
            if (!alloc.desired().isServerTerminal() && !alloc.client().isTerminal()) {
                state.updateInPlace(alloc);
            }
        }
        int placed = 0;
        int rejected = 0;
        for (Plan.Placement placement : plan.placements) {
            Node node = state.node(placement.node());
            if (admits(node, placement)) {
                state.placeAlloc(placement.job(), node, placement.previousAlloc(),
                        placement.rescheduleAttempts());
                placed++;
            } else {
                rejected++;
            }
        }
        return new PlanResult(placed, rejected);
    }

    /**
     * The commit-time gate: Ready and fits (plan_apply.go {@code evaluateNodePlan}). Like
     * Nomad's, it does not look at whether the allocation a placement replaces was replaced
     * already: keeping a second replacement out is the reconciler's job (N-34, INV-10).
     */
    protected boolean admits(Node node, Plan.Placement placement) {
        return node.isReady() && node.fits(placement.job().cpuMilli(), placement.job().memMb());
    }

    /** A lost allocation no longer uses its node's capacity (R-10, INV-17). */
    protected void releaseLost(Alloc alloc) {
        context.state().releaseResources(alloc);
    }
}
