package io.schedsim.fault.swarm;

import io.schedsim.fault.kind.DrainRacePlan;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.fault.plan.SlowTasks;
import io.schedsim.fault.plan.StatusUpdateChaos;
import io.schedsim.fault.plan.TaskCrash;
import io.schedsim.fault.plan.UnhealthyAllocs;
import io.schedsim.fault.plan.TaskFaultCause;
import io.schedsim.model.job.JobUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws operator calls (drains, eligibility flips: F-8) and cluster-wide faults (status-update
 * chaos, work crashes and slowdowns, scheduler stalls, leader failover).
 */
final class OperatorFaultDraws {
    /** Overlapping drains start within this span of the first one. */
    static final long DRAIN_BURST_MILLIS = 10_000;
    /** Eligibility flips raced against a drain land within this span after it. */
    static final long RACE_MILLIS = 10_000;

    /** Unhealthy replacements start up to this long before the drain they go with. */
    static final long UNHEALTHY_LEAD_MILLIS = 10_000;

    /** Job picks are drawn in [0, this) and taken modulo the jobs registered. */
    static final long JOB_PICK_RANGE = 1L << 30;

    private OperatorFaultDraws() {}

    /** Drains of distinct workers, often overlapping, some updated or cancelled later. */
    static List<FaultAction> drains(SwarmDraws draws) {
        List<FaultAction> drains = new ArrayList<>();
        boolean burst = draws.chance(0.5);
        long firstAt = draws.atMillis();
        for (int node : draws.someWorkers(3)) {
            long at = burst ? draws.near(firstAt, DRAIN_BURST_MILLIS) : draws.atMillis();
            drains.add(drainSet(draws, at, node));
            if (draws.chance(0.3)) {
                drains.add(drainSet(draws, draws.near(at, 30_000), node));
            }
            if (draws.chance(0.4)) {
                drains.add(Drain.cancel(draws.near(at, 60_000), node, draws.chance(0.5)));
            }
        }
        return drains;
    }

    private static Drain drainSet(SwarmDraws draws, long at, int node) {
        boolean ignoreSystem = draws.chance(0.5);
        double mode = draws.uniform2(0, 1);
        if (mode < 0.35) {
            return Drain.deadline(at, node, draws.uniform(5_000, 120_000), ignoreSystem);
        } else if (mode < 0.55) {
            return Drain.force(at, node, ignoreSystem);
        } else if (mode < 0.75) {
            return Drain.noDeadline(at, node, ignoreSystem);
        }
        return Drain.deadline(at, node, DrainRacePlan.DEFAULT_DEADLINE_MILLIS, ignoreSystem);
    }

    /** Eligibility flips; most race a drain: its node or another, right after it (SC-2b). */
    static List<FaultAction> flips(SwarmDraws draws, List<FaultAction> drains) {
        List<FaultAction> flips = new ArrayList<>();
        int count = draws.count(2, 8);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            int node = draws.worker();
            if (!drains.isEmpty() && draws.chance(0.6)) {
                Drain drain = (Drain) drains.get(draws.count(0, drains.size() - 1));
                at = draws.near(drain.atMillis(), RACE_MILLIS);
                node = draws.chance(0.5) ? drain.node() : node;
            }
            flips.add(new EligibilityFlip(at, node, draws.chance(0.5)));
        }
        return flips;
    }

    static List<FaultAction> statusUpdates(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            faults.add(new StatusUpdateChaos(at, draws.duration(at, 10_000, 120_000),
                    draws.uniform(100, 5_000), draws.uniform2(0, 0.3)));
        }
        return faults;
    }

    static List<FaultAction> work(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 4);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            if (draws.chance(0.6)) {
                faults.add(new TaskCrash(at, draws.worker(), draws.count(1, 3)));
            } else {
                faults.add(new SlowTasks(at, draws.duration(at, 10_000, 120_000),
                        draws.uniform2(1.5, 5.0)));
            }
        }
        return faults;
    }

    /**
     * Half the time, unhealthy replacements (N-13) on every node or on one or two workers,
     * lasting 30 s to 5 min; most start just before a drain, so that its replacements fail their
     * checks and the drainer's pacing waits on healthy_deadline.
     */
    static List<FaultAction> unhealthyAllocs(SwarmDraws draws, List<FaultAction> drains) {
        if (!draws.chance(0.5)) {
            return List.of();
        }
        long at = draws.atMillis();
        if (!drains.isEmpty() && draws.chance(0.7)) {
            FaultAction drain = drains.get(draws.count(0, drains.size() - 1));
            at = Math.max(draws.spec().windowStartMillis(),
                    drain.atMillis() - draws.uniform(0, UNHEALTHY_LEAD_MILLIS));
        }
        long duration = draws.duration(at, 30_000, 300_000);
        List<Integer> nodes = draws.chance(0.5) ? List.of() : draws.someWorkers(2);
        return List.of(new UnhealthyAllocs(at, duration, nodes));
    }

    /**
     * F-3 task failures other than worker kills (application errors, R-1; OOM kills, R-2): in
     * half the runs, one or two faults with {@code cause}, each picking its victim among the
     * node's running Ray task attempts at fire time.
     */
    static List<FaultAction> taskFailures(SwarmDraws draws, TaskFaultCause cause) {
        List<FaultAction> faults = new ArrayList<>();
        if (!draws.chance(0.5)) {
            return faults;
        }
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            faults.add(new TaskCrash(draws.atMillis(), draws.worker(), draws.count(1, 2),
                    draws.count(0, 3), cause));
        }
        return faults;
    }

    /**
     * in half the runs, one or two {@code ray.cancel} calls, each of a task picked at fire
     * time among the unresolved ones (queued, running, blocked in get, between attempts), with
     * or without force; the pick is drawn not knowing the tasks, like a job pick.
     */
    static List<FaultAction> cancels(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        if (!draws.chance(0.5)) {
            return faults;
        }
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            int pick = (int) draws.uniform(0, JOB_PICK_RANGE);
            faults.add(new CancelTask(at, pick, draws.chance(0.5)));
        }
        return faults;
    }

    /**
     * A third of the time one node purge (N-20, N-31); mostly of a node just drained, within a
     * minute of its drain, so that the dropped drain races the drainer; else of any worker at
     * any time. A purged node that still runs registers again at its next heartbeat.
     */
    static List<FaultAction> purges(SwarmDraws draws, List<FaultAction> drains) {
        if (!draws.chance(0.35)) {
            return List.of();
        }
        if (!drains.isEmpty() && draws.chance(0.7)) {
            Drain drain = (Drain) drains.get(draws.count(0, drains.size() - 1));
            return List.of(new NodePurge(draws.near(drain.atMillis(), 60_000), drain.node()));
        }
        return List.of(new NodePurge(draws.atMillis(), draws.worker()));
    }

    static List<FaultAction> stalls(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            faults.add(new SchedulerStall(at, draws.duration(at, 1_000, 30_000)));
        }
        return faults;
    }

    /**
     * N-36: one or two {@code job run}s of a changed spec, each of a job picked at fire time,
     * destructive or in place (a stop or a scale would leave the checks less to judge).
     */
    static List<FaultAction> jobUpdates(SwarmDraws draws) {
        List<FaultAction> updates = new ArrayList<>();
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            long at = draws.atMillis();
            long pick = draws.uniform(0, JOB_PICK_RANGE);
            String change = draws.chance(0.5) ? JobUpdateAction.DESTRUCTIVE
                    : JobUpdateAction.IN_PLACE;
            updates.add(new JobUpdateAction(at, JobUpdateAction.ANY_JOB, pick, change,
                    JobUpdate.SAME_COUNT));
        }
        return updates;
    }

    /**
     * N-36: 40% of the time one {@code job stop -purge} of a job picked at fire time; 60% of
     * those are followed, 10 s to 2 min later, by a {@code job run} of the same pick, which
     * registers the purged job afresh.
     */
    static List<FaultAction> jobPurges(SwarmDraws draws) {
        if (!draws.chance(0.4)) {
            return List.of();
        }
        long at = draws.atMillis();
        long pick = draws.uniform(0, JOB_PICK_RANGE);
        JobUpdateAction purge = new JobUpdateAction(at, JobUpdateAction.ANY_JOB, pick,
                JobUpdateAction.PURGE, JobUpdate.SAME_COUNT);
        if (!draws.chance(0.6)) {
            return List.of(purge);
        }
        long runAt = draws.near(at + 10_000, 110_000);
        String change = draws.chance(0.5) ? JobUpdateAction.DESTRUCTIVE
                : JobUpdateAction.IN_PLACE;
        return List.of(purge, new JobUpdateAction(runAt, JobUpdateAction.ANY_JOB, pick, change,
                JobUpdate.SAME_COUNT));
    }

    static List<FaultAction> failovers(SwarmDraws draws) {
        List<FaultAction> faults = new ArrayList<>();
        int count = draws.count(1, 2);
        for (int i = 0; i < count; i++) {
            faults.add(new LeaderFailover(draws.atMillis()));
        }
        return faults;
    }
}
