package io.schedsim.monitor.nomad;

import io.schedsim.history.EvalCreated;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * N-36's purge clause ({@code job stop -purge}: Job.Deregister with Purge, state_store.go
 * DeleteJob). Once the job is deleted, the scheduler of any later evaluation finds no job and
 * stops everything it has (reconcile_cluster.go: a nil job is a stopped one, "alloc not needed
 * due to job update"). So a plan of an evaluation of the job created after its purge places
 * nothing, and by the end of its step no allocation of the job is left non-terminal. A plan of
 * an evaluation created before the purge is not judged: a worker that held it may commit it
 * after the purge (plan_apply.go does not look the job up), and the deregister evaluation,
 * queued behind it (one evaluation per job in flight), stops what it placed. A run of the job
 * after its purge registers a new job id, so the purged id never runs again. At the end of a
 * settled run no allocation of a purged job is non-terminal.
 */
public final class JobPurgeGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.EVAL_CREATED,
            EventType.PLAN_COMMITTED);

    private final State state;
    /** Evaluations created for a job after its purge. */
    private final IntOpenHashSet afterPurge = new IntOpenHashSet();
    /** Purged jobs (indices) whose post-purge plan committed in this instant: judged at its end. */
    private final IntArrayList pending = new IntArrayList();
    private final IntArrayList pendingEvals = new IntArrayList();

    public JobPurgeGuard(State state) {
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
    public void before(HistoryEvent event) {
        int j = state.jobIndex;
        if (j < 0 || !state.jobs.purged(j)) {
            return;
        }
        if (event instanceof EvalCreated e) {
            afterPurge.add(e.eval());
        } else if (event instanceof PlanCommitted e && afterPurge.contains(e.eval())) {
            if (e.placements() > 0) {
                report(j, -1, "plan of eval " + e.eval() + ", created after job "
                        + state.jobs.id(j) + " was purged, places " + e.placements()
                        + " allocations of it");
            }
            pending.add(j);
            pendingEvals.add(e.eval());
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        for (int k = 0; k < pending.size(); k++) {
            int a = firstLive(pending.getInt(k));
            if (a >= 0) {
                report(pending.getInt(k), a, "plan of eval " + pendingEvals.getInt(k)
                        + " (after job " + state.jobs.id(pending.getInt(k)) + "'s purge) left "
                        + "allocation " + state.allocs.id(a) + " non-terminal");
            }
        }
        pending.clear();
        pendingEvals.clear();
    }

    @Override
    public void finish(long endNanos, boolean settled) {
        if (!settled) {
            return;
        }
        JobTable jobs = state.jobs;
        for (int j = 0; j < jobs.count(); j++) {
            int a = jobs.purged(j) ? firstLive(j) : -1;
            if (a >= 0) {
                report(j, a, "allocation " + state.allocs.id(a) + " of job " + jobs.id(j)
                        + ", purged, still non-terminal at the end");
            }
        }
    }

    /** The first allocation of job {@code j} neither server- nor client-terminal, or -1. */
    private int firstLive(int j) {
        AllocTable allocs = state.allocs;
        IntArrayList ofJob = state.jobs.allocs(j);
        for (int k = 0; k < ofJob.size(); k++) {
            if (!allocs.terminal(ofJob.getInt(k))) {
                return ofJob.getInt(k);
            }
        }
        return -1;
    }

    private void report(int j, int a, String message) {
        state.verdicts.report(Invariant.JOB_UPDATES, -1, a < 0 ? -1 : state.allocs.id(a), -1,
                state.jobs.id(j), message);
    }
}
