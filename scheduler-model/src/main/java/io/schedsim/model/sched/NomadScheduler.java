package io.schedsim.model.sched;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;

/**
 * The correct reconciler: the generic scheduler for service and batch jobs (N-9, N-10, N-31..N-34)
 * and the system scheduler for system and sysbatch jobs (N-35..N-38). It never moves allocations
 * off a draining node by itself; the drainer paces by marking them {@code migrate} (N-31).
 */
public class NomadScheduler implements Scheduler {
    protected final ModelContext context;
    private final StateView state;
    private final PlacementPolicy placement;

    public NomadScheduler(ModelContext context, PlacementPolicy placement) {
        this.context = context;
        this.state = context.state();
        this.placement = placement;
    }

    @Override
    public Plan plan(Evaluation eval) {
        Plan plan = new Plan(eval, context.sim().nowNanos(), context.control().leaderEpoch());
        Job job = eval.job;
        long[] plannedCpu = new long[state.nodeSlotCount()];
        long[] plannedMem = new long[state.nodeSlotCount()];
        if (job.type().isPerNode()) {
            planPerNode(plan, job, plannedCpu, plannedMem);
        } else {
            planGeneric(plan, job, plannedCpu, plannedMem);
        }
        return plan;
    }

    private void planGeneric(Plan plan, Job job, long[] plannedCpu, long[] plannedMem) {
        int untainted = 0;
        int done = 0;
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() != job) {
                continue;
            }
            if (stoppedOnDownNode(alloc)) {
                plan.lost.add(alloc);
            }
            if (countsAsDone(alloc)) {
                done++;
                continue;
            }
            if (alloc.desired().isServerTerminal() || job.stopped()) {
                if (job.stopped() && !alloc.desired().isServerTerminal()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
                }
                continue;
            }
            Node node = state.node(alloc.node());
            // N-31 (scheduler/reconciler/filters.go, first match wins): on a disconnected node
            // the loss rules come first; then "non-terminal allocs marked for migration always
            // migrate", even on a down node (TestServiceSched_NodeDown: run+running+migrate is
            // stopped, not lost); only then are allocations on a down node lost. A migrated one
            // still running there is lost by a later plan (stoppedOnDownNode).
            boolean disconnected = node.status() == NodeStatus.DISCONNECTED;
            if (lostFirst(alloc, node) || (disconnected && !alloc.client().isTerminal())) {
                loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
                if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (alloc.migrate()) {
                plan.stops.add(new Plan.Stop(alloc, "alloc is being migrated"));
                if (replacesOnMigrate(alloc)) {
                    place(plan, job, alloc.id(), 0, plannedCpu, plannedMem);
                } else {
                    done++;
                }
            } else if (node.status().isUnresponsive() && !alloc.client().isTerminal()) {
                loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
                if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (alloc.client() == ClientStatus.FAILED) {
                if (reschedule(plan, alloc, plannedCpu, plannedMem)) {
                    // Due later: the failed allocation holds its place until its follow-up.
                    untainted++;
                }
            } else if (!alloc.client().isTerminal()) {
                untainted++;
                if (untainted > job.count()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to count"));
                }
            }
        }
        int missing = job.stopped() ? 0 : job.count() - untainted - done - plan.placements.size()
                - plan.unplaced;
        for (int i = 0; i < missing; i++) {
            place(plan, job, Alloc.NONE, 0, plannedCpu, plannedMem);
        }
    }

    /** Marks {@code alloc} lost and places its replacement, unless placement is disabled. */
    private void loseAndReplace(Plan plan, Job job, Alloc alloc, long[] plannedCpu,
            long[] plannedMem) {
        plan.lost.add(alloc);
        if (!alloc.migrateDisablePlacement()) {
            place(plan, job, alloc.id(), 0, plannedCpu, plannedMem);
        }
    }

    /**
     * Whether an allocation on an unresponsive node is lost before its migrate mark is looked
     * at; never in the correct model (the disconnected cases are decided by the caller). A
     * variant that tests loss first returns true for marked allocations on down nodes.
     */
    protected boolean lostFirst(Alloc alloc, Node node) {
        return false;
    }

    /** Batch allocations stopped at a drain deadline stay counted: never replaced (nomad#28018). */
    protected boolean countsAsDone(Alloc alloc) {
        if (!alloc.job().type().isBatchLike()) {
            return false;
        }
        // A lost allocation that completes after reconnecting (N-30) was already replaced.
        boolean finished = alloc.client() == ClientStatus.COMPLETE
                && !alloc.desired().isServerTerminal();
        // N-10: one marked at the deadline but not yet stopped takes the migrate path first
        // (stop, no placement); only once server-terminal is it untainted (nomad#28018).
        return finished || (alloc.migrateDisablePlacement() && alloc.desired().isServerTerminal());
    }

    /**
     * N-20, N-32 (scheduler/util.go {@code updateNonTerminalAllocsToLost}): an allocation already
     * stopped by the servers but still pending or running on a node that is now down becomes
     * lost, without a replacement (it was replaced when it was stopped, or needs none), so a
     * drain of that node can complete while it is down.
     */
    protected boolean stoppedOnDownNode(Alloc alloc) {
        ClientStatus client = alloc.client();
        return alloc.desired().isServerTerminal()
                && (client == ClientStatus.RUNNING || client == ClientStatus.PENDING)
                && state.node(alloc.node()).status() == NodeStatus.DOWN;
    }

    /** Service allocations are replaced when migrated; batch ones at a deadline are not (N-10). */
    protected boolean replacesOnMigrate(Alloc alloc) {
        return !alloc.migrateDisablePlacement() && alloc.job().type() == JobType.SERVICE;
    }

    /** N-34: reschedules a failed allocation now, or returns true if it is due later. */
    private boolean reschedule(Plan plan, Alloc alloc, long[] plannedCpu, long[] plannedMem) {
        Job job = alloc.job();
        if (!job.reschedule().allows(alloc.rescheduleAttempts())) {
            return false;
        }
        long due = alloc.modifiedNanos()
                + SimTime.millis(job.reschedule().delayMillisFor(alloc.rescheduleAttempts()));
        if (due > context.sim().nowNanos()) {
            plan.followUpAtNanos = plan.followUpAtNanos < 0 ? due
                    : Math.min(plan.followUpAtNanos, due);
            return true;
        }
        plan.stops.add(new Plan.Stop(alloc, "alloc was rescheduled because it failed"));
        place(plan, job, alloc.id(), alloc.rescheduleAttempts() + 1, plannedCpu, plannedMem);
        return false;
    }

    private void place(Plan plan, Job job, int previous, int attempts, long[] plannedCpu,
            long[] plannedMem) {
        int slot = placement.pick(job, state, plannedCpu, plannedMem);
        if (slot < 0) {
            plan.unplaced++;
            return;
        }
        plannedCpu[slot] += job.cpuMilli();
        plannedMem[slot] += job.memMb();
        plan.placements.add(new Plan.Placement(job, slot, previous, attempts));
    }

    private void planPerNode(Plan plan, Job job, long[] plannedCpu, long[] plannedMem) {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            boolean kept = false;
            boolean completedHere = false;
            for (Alloc alloc : state.allocs().all()) {
                if (alloc.job() != job || alloc.node() != slot) {
                    continue;
                }
                completedHere |= alloc.client() == ClientStatus.COMPLETE;
                if (stoppedOnDownNode(alloc)) {
                    plan.lost.add(alloc);
                }
                if (alloc.desired().isServerTerminal() || alloc.client().isTerminal()) {
                    continue;
                }
                // N-36 (reconciler/reconcile_node.go): a marked allocation migrates before the
                // tainted-node checks, so one on a down node is stopped, not lost.
                if (lostFirst(alloc, node)) {
                    plan.lost.add(alloc);
                } else if (alloc.migrate()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed as node is tainted"));
                } else if (node.status().isUnresponsive()) {
                    plan.lost.add(alloc);
                } else if (job.stopped()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
                } else {
                    kept = true;
                }
            }
            boolean rerun = job.type() != JobType.SYSBATCH || !completedHere;
            if (!kept && rerun && !job.stopped() && node.isReady() && node.cpuTotalMilli() > 0) {
                if (node.cpuUsedMilli() + plannedCpu[slot] + job.cpuMilli() <= node.cpuTotalMilli()
                        && node.memUsedMb() + plannedMem[slot] + job.memMb() <= node.memTotalMb()) {
                    plannedCpu[slot] += job.cpuMilli();
                    plannedMem[slot] += job.memMb();
                    plan.placements.add(new Plan.Placement(job, slot, Alloc.NONE, 0));
                } else {
                    plan.unplaced++;
                }
            }
        }
    }
}
