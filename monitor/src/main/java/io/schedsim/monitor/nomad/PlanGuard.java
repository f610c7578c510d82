package io.schedsim.monitor.nomad;

import io.schedsim.history.HistoryEvent;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-21, the bounds of Nomad's reconciler property tests as far as a plan's counts show them:
 * placements at most the group count (cluster jobs) or one per registered node (system and
 * sysbatch); stops and lost at most the job's allocations; migrations at most the stops and at
 * most the job's marked allocations; a stopped or zero-count job places nothing (stopped before
 * the plan's snapshot: a plan held since before the stop commits as it was made, N-23). Ignore and
 * update counts are not in a committed plan, so those bounds are not judged.
 */
public final class PlanGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.PLAN_COMMITTED);

    private final State state;

    public PlanGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!(event instanceof PlanCommitted e)) {
            return;
        }
        JobTable jobs = state.jobs;
        int j = state.jobIndex;
        IntArrayList ofJob = jobs.allocs(j);
        int marked = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            marked += state.allocs.migrate(ofJob.getInt(k)) ? 1 : 0;
        }
        int placementsMax = jobs.perNode(j) ? state.nodes.count() : jobs.count(j);
        // A plan made from a snapshot before the stop may commit after it (a held plan,
        // N-23; plan_apply.go does not look the job up): only a snapshot strictly after the
        // stop (or purge) is held to no placement; one of the same instant may precede it.
        boolean stoppedAtSnapshot = jobs.stopped(j)
                && jobs.updatedAtNanos(j) < e.plannedAtNanos();
        if (stoppedAtSnapshot) {
            placementsMax = 0;
        }
        // Messages are built only for a bound that fails: a plan is judged on every commit.
        if (e.placements() > placementsMax) {
            report(e, e.placements() + " placements, at most " + placementsMax
                    + (stoppedAtSnapshot ? " (job stopped)" : jobs.perNode(j) ? " (one per node)"
                    : " (group count)"));
        }
        if (e.stops() > ofJob.size()) {
            report(e, e.stops() + " stops of a job with " + ofJob.size() + " allocations");
        }
        if (e.lost() > ofJob.size()) {
            report(e, e.lost() + " lost of a job with " + ofJob.size() + " allocations");
        }
        if (e.migrations() > e.stops()) {
            report(e, e.migrations() + " migrations but only " + e.stops() + " stops");
        }
        if (e.migrations() > marked) {
            report(e, e.migrations() + " migrations but only " + marked
                    + " allocations marked for migration");
        }
    }

    private void report(PlanCommitted e, String what) {
        state.verdicts.report(Invariant.RECONCILER_BOUNDS, -1, -1, -1, e.job(), "plan of eval "
                + e.eval() + " for job " + e.job() + ": " + what);
    }
}
