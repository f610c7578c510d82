package io.schedsim.model.sched;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.job.DisconnectBlock;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.job.ConstraintChecker;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateView;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The correct reconciler: the generic scheduler for service and batch jobs (N-9, N-10, N-31..N-34)
 * and the system scheduler for system and sysbatch jobs (N-35..N-38). It never moves allocations
 * off a draining node by itself; the drainer paces by marking them {@code migrate} (N-31).
 */
public class NomadScheduler implements Scheduler {
    /** Nomad's StatusAllocUpdating: the stop of a destructive update (N-36). */
    static final String UPDATING = "alloc is being updated due to job update";
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
        // Of those, the ones whose client is unknown or whose node is disconnected: Nomad's
        // knownUntainted leaves them out when it weighs migrations against the count.
        int unknownCounted = 0;
        int done = 0;
        // Destructive updates tried (placed or unplaced): each old allocation holds its place.
        int updates = 0;
        // Live allocations marked to migrate that would be replaced: decided after the pass.
        List<Alloc> migrating = new ArrayList<>();
        // Replacements this plan stops because their original reconnected (N-30): not counted.
        BitSet stoppedHere = new BitSet();
        // INV-6, N-10 (reconcile_cluster.go computeStop, filters.go shouldFilter): finished and
        // deadline-stopped batch allocations are untainted and count wherever they come in the
        // pass, so live ones beyond the count are stopped even when those come later; those of
        // an older job version do not (filterOldTerminalAllocs ignores them; corpus seed 2258).
        int doneAhead = 0;
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() == job && countsAsDone(alloc) && alloc.jobVersion() >= job.version()) {
                doneAhead++;
            }
        }
        int countStops = 0;
        // Replacements tried for lost allocations, in order: a placement's index, -1 if unplaced.
        IntArrayList lostTries = new IntArrayList();
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.job() != job || stoppedHere.get(alloc.id())) {
                continue;
            }
            if (stoppedOnDownNode(alloc)) {
                plan.lost.add(alloc);
            }
            if (countsAsDone(alloc)) {
                done++;
                continue;
            }
            if (alloc.desired().isServerTerminal() || deregistered(job)) {
                if (deregistered(job) && !alloc.desired().isServerTerminal()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
                }
                continue;
            }
            Node node = state.node(alloc.node());
            int placedBefore = plan.placements.size();
            int unplacedBefore = plan.unplaced;
            int lostBefore = plan.lost.size();
            // N-31 (scheduler/reconciler/filters.go, first match wins): on a disconnected node
            // the loss rules come first; then "non-terminal allocs marked for migration always
            // migrate", even on a down node (TestServiceSched_NodeDown: run+running+migrate is
            // stopped, not lost); only then are allocations on a down node lost. A migrated one
            // still running there is lost by a later plan (stoppedOnDownNode). Before all of them
            // comes the "expiring" rule: an unknown allocation past lastUnknown + lost_after is
            // lost whatever its node's status and its migrate mark (filters.go: alloc.Expired is
            // tested before the disconnected and the migrate rules; chaos-swarm seeds 42929 and
            // 99889: marked while disconnected, expired, its node then down).
            boolean disconnected = node.status() == NodeStatus.DISCONNECTED;
            if (alloc.client() == ClientStatus.UNKNOWN
                    && unknownExpired(alloc, context.sim().nowNanos())) {
                loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
                if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (lostFirst(alloc, node)) {
                loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
                if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (disconnected && !alloc.client().isTerminal()) {
                if (disconnecting(plan, job, alloc, plannedCpu, plannedMem)) {
                    untainted++;
                    unknownCounted++;
                } else if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (alloc.migrate() && !alloc.client().isTerminal()) {
                // Only a live allocation migrates: filters.go classifies a client-terminal
                // one as untainted before the migrate rule ("terminal allocs that are not
                // reconnecting are untainted"), so a marked one that failed is rescheduled.
                if (replacesOnMigrate(alloc)) {
                    migrating.add(alloc);
                } else {
                    plan.stops.add(new Plan.Stop(alloc, "alloc is being migrated"));
                    done++;
                }
            } else if (node.status().isUnresponsive() && !alloc.client().isTerminal()
                    && (!node.purged() || missingNodeTainted(node))) {
                loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
                if (alloc.migrateDisablePlacement()) {
                    done++;
                }
            } else if (alloc.client() == ClientStatus.FAILED && stopsFailedReconnect(alloc)) {
                // N-30 (filters.go's first rule, reconcile_cluster.go reconcileReconnecting): a
                // failed reconnect is stopped, not rescheduled, and holds no place: a replacement
                // placed while it was unknown keeps the count, or the count places a new one.
                // Ignored as "already rescheduled", it stayed desired to run for good and kept
                // its node disconnected at every later missed heartbeat (N-27), so the node
                // never went down and Ray work on it never failed over (chaos-swarm seed 115537).
                plan.stops.add(new Plan.Stop(alloc, "alloc was rescheduled because it failed"));
            } else if (alloc.client() == ClientStatus.FAILED) {
                // filters.go filterByRescheduleable: "ignore failing allocs that have already
                // been rescheduled" (NextAllocation set): neither counted nor rescheduled again.
                // Before this the failed original held a place in the count, so its live
                // replacement was stopped "not needed due to count", and only a commit check
                // Nomad's plan applier does not have kept a second replacement out.
                if (alloc.migrateDisablePlacement()) {
                    // shouldFilter: a batch allocation the drain stopped at its deadline keeps
                    // its slot even if it failed; it is never rescheduled (N-10, nomad#28018).
                    done++;
                    continue;
                }
                if (alreadyRescheduled(alloc)) {
                    continue;
                }
                if (reschedule(plan, alloc, plannedCpu, plannedMem)) {
                    // Due later: the failed allocation holds its place until its follow-up.
                    untainted++;
                }
            } else if (alloc.client() == ClientStatus.UNKNOWN) {
                // Its node is back but the client has not reported yet (N-30): it holds its
                // place unless a replacement already does.
                if (!alloc.replaced()) {
                    untainted++;
                    unknownCounted++;
                }
            } else if (!alloc.client().isTerminal()) {
                if (reconnecting(plan, alloc, stoppedHere)) {
                    continue;
                }
                untainted++;
                if (untainted + doneAhead > job.count()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to count"));
                    countStops++;
                } else if (updateNeeded(alloc)) {
                    updates += update(plan, job, alloc, plannedCpu, plannedMem);
                }
            }
            if (plan.lost.size() > lostBefore) {
                if (plan.placements.size() > placedBefore) {
                    lostTries.add(placedBefore);
                } else if (plan.unplaced > unplacedBefore) {
                    lostTries.add(-1);
                }
            }
        }
        int existing = untainted - countStops + done + migrating.size() + plan.placements.size()
                + plan.unplaced - updates - lostTries.size();
        int overCount = capLostReplacements(plan, job, lostTries, existing, plannedCpu,
                plannedMem);
        int notNeeded = Math.max(0, untainted - unknownCounted + done + migrating.size()
                - job.count());
        int missing = deregistered(job) || overCount > 0 ? 0 : job.count() - untainted - done
                - plan.placements.size() - plan.unplaced + updates - (migrating.size() - notNeeded);
        for (int i = 0; i < missing; i++) {
            place(plan, job, Alloc.NONE, 0, plannedCpu, plannedMem);
        }
        migrate(plan, job, migrating, notNeeded, plannedCpu, plannedMem);
    }

    /**
     * reconcile_cluster.go {@code computePlacements}: lost allocations are replaced only "up to
     * group.Count", after the {@code existing} untainted (counted batch ones included, N-10),
     * migrating and rescheduled ones. Drops the latest of {@code lostTries} (a placement's index,
     * -1 if unplaced) past the count and returns how many it dropped, or a negative number
     * (chaos-swarm seeds 881516 and 893741: a batch allocation the drain stopped at its deadline
     * was lost and replaced, then complete, and held its place; the next lost one was replaced
     * past the count all the same, INV-6).
     */
    private static int capLostReplacements(Plan plan, Job job, IntArrayList lostTries,
            int existing, long[] plannedCpu, long[] plannedMem) {
        int overCount = lostTries.size() - Math.max(0, job.count() - existing);
        for (int i = lostTries.size() - 1; i >= 0 && i >= lostTries.size() - overCount; i--) {
            int index = lostTries.getInt(i);
            if (index < 0) {
                plan.unplaced--;
            } else {
                Plan.Placement dropped = plan.placements.remove(index);
                plannedCpu[dropped.node()] -= job.cpuMilli();
                plannedMem[dropped.node()] -= job.memMb();
            }
        }
        return overCount;
    }

    /**
     * N-31 (reconcile_cluster.go {@code computeStop}, then {@code computeMigrations}): migrating
     * allocations count as existing, so when the known live ones and those marked to migrate
     * exceed the count, the excess is stopped from the migrating set, "not needed", before any
     * live one; the rest are stopped and replaced after every other placement. Without name
     * indexes the model stops first those whose place a replacement already holds (an unknown
     * allocation replaced, its node back and the drain's mark on it: it would otherwise be
     * replaced a second time, INV-10), then the latest marked.
     */
    private void migrate(Plan plan, Job job, List<Alloc> migrating, int notNeeded,
            long[] plannedCpu, long[] plannedMem) {
        BitSet stopped = new BitSet();
        for (int pass = 0; pass < 2 && stopped.cardinality() < notNeeded; pass++) {
            for (int i = migrating.size() - 1; i >= 0 && stopped.cardinality() < notNeeded; i--) {
                if (pass == 1 || migrating.get(i).replaced()) {
                    stopped.set(i);
                }
            }
        }
        for (int i = 0; i < migrating.size(); i++) {
            Alloc alloc = migrating.get(i);
            if (stopped.get(i)) {
                plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to count"));
            } else {
                plan.stops.add(new Plan.Stop(alloc, "alloc is being migrated"));
                place(plan, job, alloc.id(), 0, plannedCpu, plannedMem);
            }
        }
    }

    /**
     * Whether a live allocation of an older job version is updated (N-36). A hook so that a
     * bug-zoo variant can skip updates.
     */
    protected boolean updateNeeded(Alloc alloc) {
        return alloc.jobVersion() < alloc.job().version();
    }

    /**
     * N-36: a tainted (draining) node keeps a system allocation of an older version; an
     * ineligible one does not. A hook so that a bug-zoo variant can keep it there too.
     */
    protected boolean keepsOutdated(Node node) {
        return node.draining();
    }

    /**
     * N-36 for the generic scheduler (reconcile_cluster.go {@code computeUpdates}, util.go
     * {@code tasksUpdated}): an allocation older than the latest destructive change is stopped
     * "being updated" and replaced, its successor naming it as the previous allocation; one
     * changed since only in place is updated in place. Without an update block every
     * allocation is updated at once (no rolling deployment is modelled). Returns 1 for a
     * destructive update (its replacement is counted by the caller), else 0.
     */
    private int update(Plan plan, Job job, Alloc alloc, long[] plannedCpu, long[] plannedMem) {
        if (alloc.jobVersion() < job.destructiveVersion()) {
            plan.stops.add(new Plan.Stop(alloc, UPDATING));
            place(plan, job, alloc.id(), 0, plannedCpu, plannedMem);
            return 1;
        }
        plan.inPlace.add(alloc);
        return 0;
    }

    /**
     * Marks {@code alloc} lost and places its replacement, unless placement is disabled or an
     * unknown allocation was replaced already (N-33: with replace=true its replacement exists).
     */
    private void loseAndReplace(Plan plan, Job job, Alloc alloc, long[] plannedCpu,
            long[] plannedMem) {
        plan.lost.add(alloc);
        if (!alloc.migrateDisablePlacement() && !alloc.replaced()) {
            place(plan, job, alloc.id(), 0, plannedCpu, plannedMem);
        }
    }

    /**
     * N-31's rules for a live allocation on a disconnected node (reconciler/filters.go, first
     * match wins): pending, or a group without lost_after → lost and replaced; already unknown →
     * lost once expired (lastUnknown + lost_after, inclusive), else kept; otherwise it turns
     * unknown now (N-30). A follow-up evaluation comes at its expiry (createTimeoutLaterEvals).
     * With replace=true an unknown allocation is replaced as a reschedule (N-33). Returns true
     * if the allocation still holds its place in the group's count.
     */
    private boolean disconnecting(Plan plan, Job job, Alloc alloc, long[] plannedCpu,
            long[] plannedMem) {
        long now = context.sim().nowNanos();
        DisconnectBlock block = job.disconnect();
        if (alloc.client() == ClientStatus.PENDING || !block.enabled()
                || (alloc.client() == ClientStatus.UNKNOWN && unknownExpired(alloc, now))) {
            loseAndReplace(plan, job, alloc, plannedCpu, plannedMem);
            return false;
        }
        if (alloc.client() == ClientStatus.UNKNOWN) {
            followUp(plan, alloc.unknownExpiresAtNanos());
        } else {
            plan.unknown.add(alloc);
            followUp(plan, now + SimTime.millis(block.lostAfterMillis()));
        }
        if (alloc.replaced()) {
            return false;
        }
        return !block.replace() || !replaceUnknown(plan, job, alloc, plannedCpu, plannedMem);
    }

    /**
     * alloc.go {@code Expired}: an unknown allocation expires at lastUnknown + lost_after,
     * inclusive. A hook so that a bug-zoo variant can get it wrong.
     */
    protected boolean unknownExpired(Alloc alloc, long nowNanos) {
        return alloc.unknownExpiresAtNanos() <= nowNanos;
    }

    /**
     * N-33: the replacement of an unknown allocation "is considered a reschedule": it needs an
     * attempt left and waits the reschedule delay from the moment the allocation went unknown
     * (reconciler/filters.go {@code updateByReschedulable}, {@code NextRescheduleTimeByTime}).
     * Returns true if it tried to place one now (placed or unplaced).
     */
    private boolean replaceUnknown(Plan plan, Job job, Alloc alloc, long[] plannedCpu,
            long[] plannedMem) {
        int attempts = alloc.rescheduleAttempts();
        if (!job.reschedule().allows(attempts)) {
            return false;
        }
        long now = context.sim().nowNanos();
        long unknownSince = alloc.client() == ClientStatus.UNKNOWN ? alloc.lastUnknownNanos() : now;
        long due = unknownSince + SimTime.millis(job.reschedule().delayMillisFor(attempts));
        if (due > now) {
            followUp(plan, due);
            return false;
        }
        place(plan, job, alloc.id(), attempts + 1, plannedCpu, plannedMem);
        return true;
    }

    /**
     * N-30 on reconnect (reconcile_cluster.go {@code reconcileReconnecting}): an allocation that
     * was unknown and runs again beside a live replacement keeps one of the two per its group's
     * {@code reconcile} strategy and stops the other. Returns true if it stopped {@code alloc}
     * itself (it then no longer counts).
     */
    private boolean reconnecting(Plan plan, Alloc alloc, BitSet stoppedHere) {
        if (alloc.lastUnknownNanos() < 0 || !alloc.replaced()) {
            return false;
        }
        Alloc replacement = liveReplacement(alloc);
        if (replacement == null) {
            return false;
        }
        if (keepsReplacement(alloc.job().disconnect().reconcile(), alloc, replacement)) {
            plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
            return true;
        }
        plan.stops.add(new Plan.Stop(replacement,
                "alloc not needed due to disconnected client reconnect"));
        stoppedHere.set(replacement.id());
        return false;
    }

    /** The first replacement down the chain that the servers still want running, or null. */
    private Alloc liveReplacement(Alloc original) {
        int current = original.id();
        for (Alloc next : state.allocs().all()) {
            if (next.previousAlloc() != current) {
                continue;
            }
            if (!next.desired().isServerTerminal()) {
                return next;
            }
            current = next.id();
        }
        return null;
    }

    /**
     * reconnecting_picker.go: a replacement of a newer job version always wins; otherwise the
     * strategy decides. The model keeps no placement scores, so best_score sees a tie and keeps
     * the original, as upstream does on equal scores; longest_running keeps the one whose tasks
     * started first (the original on a tie or when neither started).
     */
    protected boolean keepsReplacement(DisconnectBlock.Reconcile strategy, Alloc original,
            Alloc replacement) {
        if (replacement.jobVersion() > original.jobVersion()) {
            return true;
        }
        switch (strategy) {
            case KEEP_REPLACEMENT:
                return true;
            case LONGEST_RUNNING:
                long originalStart = original.runningSinceNanos();
                long replacementStart = replacement.runningSinceNanos();
                if (originalStart < 0) {
                    return replacementStart >= 0;
                }
                return replacementStart >= 0 && replacementStart < originalStart;
            case KEEP_ORIGINAL:
            case BEST_SCORE:
            default:
                return false;
        }
    }

    private static void followUp(Plan plan, long dueNanos) {
        plan.followUpAtNanos = plan.followUpAtNanos < 0 ? dueNanos
                : Math.min(plan.followUpAtNanos, dueNanos);
    }

    /**
     * Whether an allocation on an unresponsive node is lost before its migrate mark is looked
     * at; never in the correct model (the disconnected cases are decided by the caller). A
     * variant that tests loss first returns true for marked allocations on down nodes.
     */
    protected boolean lostFirst(Alloc alloc, Node node) {
        return false;
    }

    /**
     * N-36: whether the job is stopped, by {@code job stop} or {@code job stop -purge}; the
     * reconciler then stops every allocation and places none (a purged job is missing from the
     * state store, and reconcile_cluster.go takes a nil job as a stopped one). A hook so that a
     * bug-zoo variant can keep reconciling a purged job.
     */
    protected boolean deregistered(Job job) {
        return job.stopped();
    }

    /**
     * Whether a purged node, missing from the state store, is in the tainted set (N-31:
     * scheduler/util.go {@code taintedNodes} maps a missing node to nil, and filters.go loses
     * the allocations of such a "GC'd" node); it reads DOWN here, so its allocations are lost as
     * a down node's are. A hook so that a bug-zoo variant can leave it out.
     */
    protected boolean missingNodeTainted(Node node) {
        return true;
    }

    /**
     * Whether a failed allocation is a failed reconnect, which the reconciler stops (N-30). A
     * hook so that a bug-zoo variant can treat it as any failure.
     */
    protected boolean stopsFailedReconnect(Alloc alloc) {
        return alloc.failedOnReconnect();
    }

    /**
     * Whether a failed allocation was rescheduled already (its NextAllocation is set), so that
     * the reconciler ignores it. A hook so that a bug-zoo variant can forget it.
     */
    protected boolean alreadyRescheduled(Alloc alloc) {
        return alloc.replaced();
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
        // Only distinct_hosts reads the plan's own placements (DistinctHosts); a plan holds one
        // job's placements only, so each is one of this group's.
        BitSet plannedSlots = new BitSet();
        if (job.distinctHosts()) {
            for (Plan.Placement planned : plan.placements) {
                plannedSlots.set(planned.node());
            }
        }
        int slot = placement.pick(job, state, plannedCpu, plannedMem, plannedSlots);
        if (slot < 0) {
            plan.unplaced++;
            return;
        }
        plannedCpu[slot] += job.cpuMilli();
        plannedMem[slot] += job.memMb();
        plan.placements.add(new Plan.Placement(job, slot, previous, attempts));
    }

    /**
     * Whether the system scheduler targets {@code node} for {@code job}: the node meets the
     * group's constraints (N-35; scheduler_system.go builds its stack with the same
     * ConstraintChecker as the generic scheduler). A hook so that a bug-zoo variant can forget it.
     */
    protected boolean targets(Job job, Node node) {
        return ConstraintChecker.meets(job.constraints(), node.attributes());
    }

    private void planPerNode(Plan plan, Job job, long[] plannedCpu, long[] plannedMem) {
        for (int slot = 0; slot < state.nodeSlotCount(); slot++) {
            Node node = state.node(slot);
            boolean kept = false;
            boolean completedHere = false;
            // The allocation a destructive update replaces here, or NONE.
            int replacing = Alloc.NONE;
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
                } else if (deregistered(job)) {
                    // reconcile_node.go: a stopped (or purged) job requires no group, so every
                    // live allocation is stopped before any node rule (disconnect, loss) looks
                    // at it.
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
                } else if (alloc.migrate()) {
                    plan.stops.add(new Plan.Stop(alloc, "alloc not needed as node is tainted"));
                } else if (node.status() == NodeStatus.DISCONNECTED
                        && job.disconnect().enabled() && alloc.client() != ClientStatus.PENDING
                        && alloc.unknownExpiresAtNanos() > context.sim().nowNanos()) {
                    // N-36: a running system allocation on a disconnected node turns unknown
                    // and stays until lost_after expires; none is placed elsewhere.
                    if (alloc.client() == ClientStatus.UNKNOWN) {
                        followUp(plan, alloc.unknownExpiresAtNanos());
                    } else {
                        plan.unknown.add(alloc);
                        followUp(plan, context.sim().nowNanos()
                                + SimTime.millis(job.disconnect().lostAfterMillis()));
                    }
                } else if (node.status().isUnresponsive()
                        && (!node.purged() || missingNodeTainted(node))) {
                    plan.lost.add(alloc);
                } else if (updateNeeded(alloc) && !keepsOutdated(node)) {
                    // N-36 (reconcile_node.go): a draining node is tainted and keeps what it
                    // runs; an ineligible one stops an allocation of any older version without
                    // a replacement (e2e testJobUpdateOnIneligibleNode); an eligible one
                    // updates it in place or replaces it there (evictAndPlace).
                    if (!node.isReady()) {
                        plan.stops.add(new Plan.Stop(alloc, "alloc not needed due to job update"));
                    } else if (alloc.jobVersion() < job.destructiveVersion()) {
                        plan.stops.add(new Plan.Stop(alloc, UPDATING));
                        replacing = alloc.id();
                        plannedCpu[slot] -= job.cpuMilli();
                        plannedMem[slot] -= job.memMb();
                    } else {
                        plan.inPlace.add(alloc);
                        kept = true;
                    }
                } else {
                    kept = true;
                }
            }
            boolean rerun = job.type() != JobType.SYSBATCH || !completedHere;
            // N-35, N-37: only nodes meeting the constraints are targeted; the others are no
            // placement failure (nothing unplaced, the evaluation does not block).
            if (!kept && rerun && !deregistered(job) && node.isReady() && node.cpuTotalMilli() > 0
                    && targets(job, node)) {
                if (node.cpuUsedMilli() + plannedCpu[slot] + job.cpuMilli() <= node.cpuTotalMilli()
                        && node.memUsedMb() + plannedMem[slot] + job.memMb() <= node.memTotalMb()) {
                    plannedCpu[slot] += job.cpuMilli();
                    plannedMem[slot] += job.memMb();
                    plan.placements.add(new Plan.Placement(job, slot, replacing, 0));
                } else {
                    plan.unplaced++;
                }
            }
        }
    }
}
