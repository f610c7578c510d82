package io.schedsim.model.sched;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.random.SimRandom;
import io.schedsim.core.time.SimTime;
import io.schedsim.history.PlanCommitted;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.state.Job;

/**
 * Scheduler workers: each takes an evaluation from the broker, plans from the state as it is
 * then, and commits the plan a seeded delay later (or after a stall, F-11), so the plan may be
 * stale at commit, which is where the plan applier's re-check matters (N-23). Rejected plans
 * retry up to the per-type limit (N-39), then a follow-up eval is created; plans in flight during
 * a leader failover are lost (F-7). An actor of the control plane, not a pluggable component:
 * the scheduler and the plan applier it drives are; so it is here that a plan's commit is
 * published, before the applier's changes and with the plan's own counts (docs/history.md §1.4).
 */
public final class SchedulerWorkers {
    private final ModelContext context;
    private final EvalBroker broker;
    private final Simulation sim;
    private final Scheduler scheduler;
    private final PlanApplier applier;
    private final ClusterConfig config;
    private final SimRandom random;
    private final Plan[] inFlight;
    private final boolean[] busy;
    private final UpdateCheck updateCheck;
    /** Per worker: the update check's verdict on its plan in flight, or null. */
    private final String[] updateVerdicts;
    private int dequeueKind;
    private int commitKind;
    private int followUpKind;
    private long stallUntilNanos;
    private int followUpsPending;

    public SchedulerWorkers(ModelContext context, EvalBroker broker, Scheduler scheduler,
            PlanApplier applier) {
        this.context = context;
        this.broker = broker;
        this.sim = context.sim();
        this.scheduler = scheduler;
        this.applier = applier;
        this.config = context.config();
        this.random = sim.random("scheduler");
        this.inFlight = new Plan[Math.max(1, config.schedulerWorkers)];
        this.busy = new boolean[inFlight.length];
        this.updateCheck = new UpdateCheck(context.state(), context.checks());
        this.updateVerdicts = new String[inFlight.length];
    }

    public void start() {
        dequeueKind = sim.registerKind("sched.dequeue", (worker, payload) -> dequeue(worker));
        commitKind = sim.registerKind("sched.commit", (worker, payload) -> commit(worker));
        followUpKind = sim.registerKind("sched.follow-up", (jobId, payload) -> {
            followUpsPending--;
            context.control().createEval(context.state().jobs().get(jobId), "follow-up", -1);
        });
    }

    /** Wakes idle workers when evaluations are pending. */
    public void kick() {
        for (int worker = 0; worker < busy.length; worker++) {
            if (!busy[worker] && broker.hasPending()) {
                busy[worker] = true;
                sim.post(sim.nowNanos(), dequeueKind, worker, 0);
            }
        }
    }

    private void dequeue(int worker) {
        Evaluation eval = broker.dequeue();
        if (eval == null) {
            busy[worker] = false;
            return;
        }
        eval.snapshotUnblockIndex = broker.unblockIndex();
        inFlight[worker] = scheduler.plan(eval);
        updateVerdicts[worker] = updateCheck.judge(inFlight[worker]);
        long delay = random.uniformLong(0, SimTime.millis(config.planCommitDelayMillisMax) + 1);
        sim.postAfter(delay, commitKind, worker, eval.id);
    }

    private void commit(int worker) {
        if (sim.nowNanos() < stallUntilNanos) {
            // A stalled worker (F-11) holds its plan: it commits later, from an older snapshot.
            sim.post(stallUntilNanos, commitKind, worker, inFlight[worker].eval.id);
            return;
        }
        Plan plan = inFlight[worker];
        inFlight[worker] = null;
        Evaluation eval = plan.eval;
        broker.finish(eval);
        if (plan.leaderEpoch != context.control().leaderEpoch()) {
            broker.requeue(eval);
        } else {
            published(plan);
            PlanResult result = applier.apply(plan);
            updateCheck.committed(updateVerdicts[worker]);
            settle(eval, plan, result);
        }
        busy[worker] = false;
        kick();
    }

    /** plan-committed: the plan's counts and the time of the snapshot it was made from. */
    private void published(Plan plan) {
        if (!context.history().on()) {
            return;
        }
        int migrations = 0;
        for (Plan.Stop stop : plan.stops) {
            migrations += stop.alloc().migrate() ? 1 : 0;
        }
        context.history().record(new PlanCommitted(sim.nowNanos(), plan.eval.id,
                plan.eval.job.id(), plan.plannedAtNanos, plan.placements.size(),
                plan.stops.size(), migrations, plan.lost.size()));
    }

    private void settle(Evaluation eval, Plan plan, PlanResult result) {
        if (plan.followUpAtNanos >= 0) {
            scheduleFollowUp(Math.max(sim.nowNanos(), plan.followUpAtNanos), eval.job);
        }
        if (result.rejected() > 0) {
            eval.planAttempts++;
            if (eval.planAttempts < attemptLimit(eval.job)) {
                broker.requeue(eval);
            } else {
                context.sim().metrics().increment("evalsFailed");
                scheduleFollowUp(sim.nowNanos() + SimTime.millis(config.failedEvalFollowupMillis),
                        eval.job);
            }
        } else if (plan.unplaced > 0) {
            broker.block(eval);
        }
    }

    private void scheduleFollowUp(long atNanos, Job job) {
        followUpsPending++;
        sim.post(atNanos, followUpKind, job.id(), 0);
    }

    /** Follow-up evaluations (delayed reschedules, failed evals) not yet due. */
    public int followUpsPending() {
        return followUpsPending;
    }

    private int attemptLimit(Job job) {
        switch (job.type()) {
            case SYSTEM:
            case SYSBATCH:
                return config.planAttemptsSystem;
            case BATCH:
                return config.planAttemptsBatch;
            default:
                return config.planAttemptsService;
        }
    }

    /**
     * F-11: workers keep planning but commit nothing before {@code untilNanos} (a paused worker
     * or a slow Raft apply), so plans made meanwhile commit from a snapshot that old.
     */
    public void stall(long untilNanos) {
        stallUntilNanos = untilNanos;
    }

    public boolean idle() {
        for (boolean b : busy) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    /** The scheduler these workers drive; the servers also ask it which node evaluations a
     * node change needs (N-22). */
    public Scheduler scheduler() {
        return scheduler;
    }
}
