package io.schedsim.fault.swarm;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.plan.CancelTask;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.UnhealthyAllocs;
import io.schedsim.fault.plan.TaskFaultCause;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * Swarm testing over the fault kinds. Level one, per run: each applicable kind is switched on with
 * probability {@value #KIND_ON_PROBABILITY} ({@value #OPERATOR_KIND_ON_PROBABILITY} for drains and
 * eligibility flips, whose races matter most), and at least one is on. Level two, per kind: its
 * actions, intensities, durations and targets, drawn from the kind's own child stream, so that
 * switching one kind on or off never changes what another kind draws.
 *
 * <p>Destructive faults leave at least one worker untouched: host kills, agent kills and
 * Ray-drained nodes together take at most {@code workers - 1} nodes, and every kill also obeys the
 * killer's fire-time rules.
 *
 * <p>Where the cluster runs Ray tasks, the DRAIN switch also turns on Ray drains, both
 * reasons ({@link RayDrainDraws}). They are drawn last, from their own stream
 * ({@value #RAY_DRAIN_STREAM}, a child of the swarm stream that draws nothing from it), and added
 * after every other action, so every action a plan had before they were drawn is still there,
 * unchanged and in the same order. The WORK switch likewise adds, each from its own stream and
 * after everything drawn before it: unhealthy replacements ({@link UnhealthyAllocs}, N-13) where
 * Nomad jobs run ({@value #UNHEALTHY_STREAM}); application errors (F-3 with cause
 * application-error, R-1; {@value #APPLICATION_ERROR_STREAM}) and out-of-memory kills (cause
 * oom, R-2; {@value #OUT_OF_MEMORY_STREAM}); and task cancels ({@code ray.cancel}, R-1;
 * {@value #CANCEL_STREAM}). Then come the DRAIN switch's node purges (N-20, N-31;
 * {@value #PURGE_STREAM}), and last the JOB_UPDATE switch's job purges, each maybe followed by
 * a run of the purged job (N-36; {@value #JOB_PURGE_STREAM}).
 */
public final class SwarmGenerator {
    /** Name of the run's stream this generator draws from. */
    public static final String STREAM = "swarm";
    /** Child of {@link #STREAM} that Ray drains draw from; no kind's label, so none shares it. */
    static final String RAY_DRAIN_STREAM = RayDrain.KIND;
    /** Child of {@link #STREAM} that unhealthy replacements draw from; no kind's label either. */
    static final String UNHEALTHY_STREAM = UnhealthyAllocs.KIND;
    /** Child of {@link #STREAM} that application errors draw from; no kind's label either. */
    static final String APPLICATION_ERROR_STREAM = "application-error";
    /** Child of {@link #STREAM} that node purges draw from; no kind's label either. */
    static final String PURGE_STREAM = NodePurge.KIND;
    /** Child of {@link #STREAM} that out-of-memory kills draw from. */
    static final String OUT_OF_MEMORY_STREAM = "out-of-memory";
    /** Child of {@link #STREAM} that task cancels (ray.cancel, R-1) draw from. */
    static final String CANCEL_STREAM = CancelTask.KIND;
    /** Child of {@link #STREAM} that job purges ({@code job stop -purge}, N-36) draw from. */
    static final String JOB_PURGE_STREAM = "job-purge";
    static final double KIND_ON_PROBABILITY = 0.5;
    static final double OPERATOR_KIND_ON_PROBABILITY = 0.75;

    private SwarmGenerator() {}

    /** The plan of the run with seed {@code runSeed}, drawn from its {@value #STREAM} stream. */
    public static FaultPlan generate(long runSeed, SwarmSpec spec) {
        return generate(SimRandom.stream(runSeed, STREAM), spec);
    }

    public static FaultPlan generate(SimRandom swarm, SwarmSpec spec) {
        List<FaultKind> enabled = enabledKinds(swarm, spec);
        EnumMap<FaultKind, List<FaultAction>> byKind = new EnumMap<>(FaultKind.class);
        int workerCount = spec.workers().size();
        int hostKills = 0;
        if (enabled.contains(FaultKind.HOST_LOSS) && spec.ranges().killsMax() > 0) {
            int killsMax = Math.min(spec.ranges().killsMax(), workerCount - 1);
            byKind.put(FaultKind.HOST_LOSS, NodeFaultDraws.hostLoss(draws(swarm, spec,
                    FaultKind.HOST_LOSS), killsMax));
            hostKills = byKind.get(FaultKind.HOST_LOSS).size();
        }
        int agentKillsMax = Math.min(spec.ranges().killsMax(), workerCount - 1 - hostKills);
        int agentKills = 0;
        if (enabled.contains(FaultKind.AGENT_KILL) && agentKillsMax > 0) {
            byKind.put(FaultKind.AGENT_KILL, NodeFaultDraws.agentKill(draws(swarm, spec,
                    FaultKind.AGENT_KILL), agentKillsMax));
            agentKills = byKind.get(FaultKind.AGENT_KILL).size();
        }
        if (enabled.contains(FaultKind.NODE_RESTART)) {
            List<FaultAction> destructive = new ArrayList<>();
            destructive.addAll(byKind.getOrDefault(FaultKind.HOST_LOSS, List.of()));
            destructive.addAll(byKind.getOrDefault(FaultKind.AGENT_KILL, List.of()));
            byKind.put(FaultKind.NODE_RESTART, NodeFaultDraws.restarts(draws(swarm, spec,
                    FaultKind.NODE_RESTART), destructive));
        }
        if (enabled.contains(FaultKind.DRAIN)) {
            byKind.put(FaultKind.DRAIN, OperatorFaultDraws.drains(draws(swarm, spec,
                    FaultKind.DRAIN)));
        }
        if (enabled.contains(FaultKind.ELIGIBILITY_FLIP)) {
            byKind.put(FaultKind.ELIGIBILITY_FLIP, OperatorFaultDraws.flips(draws(swarm, spec,
                    FaultKind.ELIGIBILITY_FLIP), byKind.getOrDefault(FaultKind.DRAIN, List.of())));
        }
        for (FaultKind kind : enabled) {
            if (!byKind.containsKey(kind) && independent(kind)) {
                byKind.put(kind, drawIndependent(kind, draws(swarm, spec, kind)));
            }
        }
        List<FaultAction> actions = new ArrayList<>();
        for (List<FaultAction> kindActions : byKind.values()) {
            actions.addAll(kindActions);
        }
        // A Ray-drained node never takes a lease again (R-17, no cancel), so it is as lost to the
        // Ray tasks as a killed one: the drained nodes get what the kills left of workers - 1.
        // Kept out of byKind's DRAIN list, which the eligibility flips read as Nomad drains.
        int rayDrainNodesMax = workerCount - 1 - hostKills - agentKills;
        if (enabled.contains(FaultKind.DRAIN) && spec.rayTasks() && rayDrainNodesMax > 0) {
            actions.addAll(RayDrainDraws.rayDrains(new SwarmDraws(swarm.child(RAY_DRAIN_STREAM),
                    spec), rayDrainNodesMax, Math.max(0, spec.ranges().killsMax() - hostKills)));
        }
        // Unhealthy replacements (N-13) come with WORK where Nomad jobs run, drawn from their
        // own stream and added last, like Ray drains, so no other action moves.
        if (enabled.contains(FaultKind.WORK) && spec.nomadJobs()) {
            actions.addAll(OperatorFaultDraws.unhealthyAllocs(new SwarmDraws(
                    swarm.child(UNHEALTHY_STREAM), spec),
                    byKind.getOrDefault(FaultKind.DRAIN, List.of())));
        }
        if (enabled.contains(FaultKind.WORK) && spec.rayTasks()) {
            actions.addAll(OperatorFaultDraws.taskFailures(new SwarmDraws(
                    swarm.child(APPLICATION_ERROR_STREAM), spec),
                    TaskFaultCause.APPLICATION_ERROR));
            actions.addAll(OperatorFaultDraws.taskFailures(new SwarmDraws(
                    swarm.child(OUT_OF_MEMORY_STREAM), spec), TaskFaultCause.OOM));
        }
        // Task cancels come with WORK where Ray tasks run, from their own stream, last.
        if (enabled.contains(FaultKind.WORK) && spec.rayTasks()) {
            actions.addAll(OperatorFaultDraws.cancels(new SwarmDraws(
                    swarm.child(CANCEL_STREAM), spec)));
        }
        // Node purges (N-20, N-31) come with DRAIN where Nomad jobs run, drawn from their own
        // stream and added last, so no other action of any plan moves.
        if (enabled.contains(FaultKind.DRAIN) && spec.nomadJobs()) {
            actions.addAll(OperatorFaultDraws.purges(new SwarmDraws(swarm.child(PURGE_STREAM),
                    spec), byKind.getOrDefault(FaultKind.DRAIN, List.of())));
        }
        // Job purges (N-36) come with JOB_UPDATE, from their own stream, after everything else.
        if (enabled.contains(FaultKind.JOB_UPDATE)) {
            actions.addAll(OperatorFaultDraws.jobPurges(new SwarmDraws(
                    swarm.child(JOB_PURGE_STREAM), spec)));
        }
        return new FaultPlan(actions);
    }

    /**
     * Level one: which kinds are on. One draw per kind in enum order from {@code swarm} itself,
     * whether or not the kind applies, so the switches of one cluster shape line up with another's.
     */
    public static List<FaultKind> enabledKinds(SimRandom swarm, SwarmSpec spec) {
        List<FaultKind> applicable = applicableKinds(spec);
        List<FaultKind> enabled = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            boolean operator = kind == FaultKind.DRAIN || kind == FaultKind.ELIGIBILITY_FLIP;
            double on = operator ? OPERATOR_KIND_ON_PROBABILITY : KIND_ON_PROBABILITY;
            if (swarm.chance(on) && applicable.contains(kind)) {
                enabled.add(kind);
            }
        }
        if (enabled.isEmpty()) {
            if (applicable.isEmpty()) {
                throw new IllegalArgumentException("no allowed fault kind applies to this "
                        + "cluster: allowed " + spec.allowedKinds() + ", " + spec.workers().size()
                        + " workers, Nomad jobs " + spec.nomadJobs());
            }
            enabled.add(applicable.get(swarm.nextInt(applicable.size())));
        }
        return enabled;
    }

    /** Kinds that can act on a cluster of this shape, among those the spec allows. */
    public static List<FaultKind> applicableKinds(SwarmSpec spec) {
        int workerCount = spec.workers().size();
        List<FaultKind> applicable = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            boolean needsWorkers = kind != FaultKind.STATUS_UPDATE_CHAOS
                    && kind != FaultKind.SCHEDULER_STALL && kind != FaultKind.LEADER_FAILOVER
                    && kind != FaultKind.JOB_UPDATE;
            boolean destructive = kind == FaultKind.HOST_LOSS || kind == FaultKind.AGENT_KILL
                    || kind == FaultKind.NODE_RESTART;
            boolean nomadOnly = kind == FaultKind.DRAIN || kind == FaultKind.ELIGIBILITY_FLIP
                    || kind == FaultKind.JOB_UPDATE;
            if ((needsWorkers && workerCount == 0) || (destructive && workerCount < 2)
                    || (nomadOnly && !spec.nomadJobs()) || !spec.allowedKinds().contains(kind)) {
                continue;
            }
            applicable.add(kind);
        }
        return applicable;
    }

    private static boolean independent(FaultKind kind) {
        return kind != FaultKind.HOST_LOSS && kind != FaultKind.AGENT_KILL
                && kind != FaultKind.NODE_RESTART && kind != FaultKind.DRAIN
                && kind != FaultKind.ELIGIBILITY_FLIP;
    }

    private static List<FaultAction> drawIndependent(FaultKind kind, SwarmDraws draws) {
        switch (kind) {
            case HEARTBEAT: return NodeFaultDraws.heartbeat(draws);
            case PARTITION: return NodeFaultDraws.partition(draws);
            case CLOCK: return NodeFaultDraws.clock(draws);
            case STATUS_UPDATE_CHAOS: return OperatorFaultDraws.statusUpdates(draws);
            case WORK: return OperatorFaultDraws.work(draws);
            case SCHEDULER_STALL: return OperatorFaultDraws.stalls(draws);
            case LEADER_FAILOVER: return OperatorFaultDraws.failovers(draws);
            case JOB_UPDATE: return OperatorFaultDraws.jobUpdates(draws);
            default: throw new AssertionError(kind);
        }
    }

    private static SwarmDraws draws(SimRandom swarm, SwarmSpec spec, FaultKind kind) {
        return new SwarmDraws(swarm.child(kind.label()), spec);
    }
}
