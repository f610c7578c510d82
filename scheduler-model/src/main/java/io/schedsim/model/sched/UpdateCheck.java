package io.schedsim.model.sched;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;

/**
 * The online check of N-36's update clause, judged on each plan of a system or sysbatch job
 * against the state it was made from, by its own reading of reconcile_node.go (never by asking
 * the scheduler): every allocation of an older version that the servers want running on a
 * Ready node that is not draining, and that no drain marked, is stopped without a replacement
 * there if the node is ineligible; if it is eligible, it is stopped and replaced there when a
 * destructive change came since it was placed, else updated in place and not stopped. The
 * verdict is made from the plan's snapshot and reported when the plan commits, as the monitor
 * sees it (a plan a failover drops is not reported). And N-36's purge clause: the plan of an
 * evaluation created after its job's purge places nothing and stops (or loses) every allocation
 * of the job that is not terminal yet.
 */
final class UpdateCheck {
    private final StateView state;
    private final InvariantMonitor monitor;

    UpdateCheck(StateView state, InvariantMonitor monitor) {
        this.state = state;
        this.monitor = monitor;
    }

    /** The first broken promise of {@code plan}, judged now (at its snapshot), or null. */
    String judge(Plan plan) {
        Job job = plan.eval.job;
        if (plan.eval.afterPurge) {
            return judgePurged(plan, job);
        }
        if (!job.type().isPerNode() || job.stopped() || job.version() == 0) {
            return null;
        }
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() != job || alloc.jobVersion() >= job.version()
                    || alloc.desired().isServerTerminal() || alloc.client().isTerminal()
                    || alloc.client() == ClientStatus.UNKNOWN || alloc.migrate()) {
                continue;
            }
            Node node = state.node(alloc.node());
            if (node.status() != NodeStatus.READY || node.draining()) {
                continue;
            }
            boolean stopped = stops(plan, alloc);
            boolean inPlace = plan.inPlace.contains(alloc);
            boolean placedHere = placesOn(plan, node.slot());
            String wrong = null;
            if (!node.eligible()) {
                if (!stopped || inPlace || placedHere) {
                    wrong = "is not stopped (without a replacement) on ineligible " + node;
                }
            } else if (alloc.jobVersion() < job.destructiveVersion()) {
                if (!stopped || inPlace) {
                    wrong = "is not replaced on " + node + " after a destructive change";
                }
            } else if (stopped || !inPlace) {
                wrong = "is not updated in place on " + node + " after an in-place change";
            }
            if (wrong != null) {
                return alloc + " of version " + alloc.jobVersion() + " (job at "
                        + job.version() + ") " + wrong;
            }
        }
        return null;
    }

    /** A plan after the purge of {@code job}: no placement, every live allocation ended. */
    private String judgePurged(Plan plan, Job job) {
        if (!plan.placements.isEmpty()) {
            return plan.eval + " places " + plan.placements.size() + " after the job's purge";
        }
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() == job && !alloc.desired().isServerTerminal()
                    && !alloc.client().isTerminal() && !stops(plan, alloc)
                    && !plan.lost.contains(alloc)) {
                return alloc + " is left running by " + plan.eval + " after the job's purge";
            }
        }
        return null;
    }

    /** The plan judged {@code verdict} at its snapshot commits now. */
    void committed(String verdict) {
        if (verdict != null) {
            monitor.violation(Inv.JOB_UPDATES, verdict);
        }
    }

    private static boolean stops(Plan plan, Alloc alloc) {
        for (Plan.Stop stop : plan.stops) {
            if (stop.alloc() == alloc) {
                return true;
            }
        }
        return false;
    }

    private static boolean placesOn(Plan plan, int slot) {
        for (Plan.Placement placement : plan.placements) {
            if (placement.node() == slot) {
                return true;
            }
        }
        return false;
    }
}
