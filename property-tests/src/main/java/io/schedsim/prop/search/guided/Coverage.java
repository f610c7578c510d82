package io.schedsim.prop.search.guided;

import io.schedsim.core.random.SimRandom;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.ClockDriftChanged;
import io.schedsim.history.ClockJumped;
import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainCompleted;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.HealthCheckAnswered;
import io.schedsim.history.HealthCheckFailed;
import io.schedsim.history.HeartbeatDelayChanged;
import io.schedsim.history.HeartbeatLossChanged;
import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.LeaderFailover;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.MigrateMarked;
import io.schedsim.history.NodeRegistered;
import io.schedsim.history.NodePurged;
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.PlanCommitted;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.SchedulersStalled;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskResolved;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * What one run reached, as a set of features hashed into {@value #BITS} bits, read from the run's
 * history (docs/history.md) for guided search: state-machine transitions of nodes, allocations
 * and task attempts, each also with every fault kind active when it happened; pairs of faults
 * that overlapped (cluster-wide and on the same node); and near misses, measured in buckets so
 * that a plan that comes closer reaches a new feature: consecutive and total failed health checks
 * of a node, heartbeat gaps against their TTL (also shortly after a leader failover), how many
 * nodes were not ready at once, concurrent drains and how close their deadlines fell or fired
 * (and how soon another drain was due when a deadline fired), migrations of one job in flight at
 * once, a node leaving with migrations pending, plans committed from a snapshot older than the
 * job's last commit or a node's last change, leases on full or draining nodes, tasks failing
 * again and again, allocations still alive on their node after a plan replaced them. Each
 * near-miss best also records the node and instant where the run reached it ({@link #focus()}).
 * Reads every event type but heartbeat-sent (the run builds stall events for it, which the
 * monitor alone would not read).
 * One instance per run, on the run's thread.
 */
public final class Coverage implements HistorySink {
    /** Features are hashed into this many bits. */
    public static final int BITS = 1 << 16;
    private static final int MASK = BITS - 1;
    /** How long after a leader failover heartbeat gaps count as post-failover ones. */
    private static final long AFTER_FAILOVER_NANOS = 600_000_000_000L;

    // Fault kinds as bits of the active mask.
    private static final int HB_LOSS = 0;
    private static final int HB_DELAY = 1;
    private static final int PARTITION = 2;
    private static final int STALL = 3;
    private static final int DRIFT = 4;
    private static final int DRAIN = 5;
    private static final int KILLED = 6;
    private static final int FAILOVER = 7;
    private static final int JUMP = 8;
    private static final int RESTART = 9;
    private static final int KINDS = 10;

    /**
     * Near-miss measures, each larger the closer a run came to a shape that breaks a rule: a
     * run that beats the best value so far is kept even without a new feature, and the entry
     * holding a best value is drawn often (waypoints, as FuzzFactory's).
     */
    public static final int METRICS = 16;
    static final int DEADLINE_FIRES_CLOSE = 0;
    static final int DEADLINES_SET_CLOSE = 1;
    static final int MIGRATING_ON_LEAVING_NODE = 2;
    static final int STALE_REPLACING_COMMITS = 3;
    static final int JOB_MIGRATIONS_IN_FLIGHT = 4;
    static final int CONSECUTIVE_FAILED_CHECKS = 5;
    static final int FAILED_CHECKS_SINCE_CHANGE = 6;
    static final int HEARTBEAT_GAP_WHILE_READY = 7;
    static final int TASK_FAILED_ATTEMPTS = 8;
    static final int NODES_NOT_READY = 9;
    static final int LEASE_FULLNESS = 10;
    static final int COMMITS_AFTER_NODE_CHANGE = 11;
    static final int GAP_AFTER_FAILOVER = 12;
    /** Nodes not ready when the chaos killer took one: the killer nearing its floor (INV-20). */
    static final int KILL_WITH_NODES_DOWN = 13;
    /**
     * At a drain deadline's fire, how near another drain's deadline, still tracked, falls, in
     * tenths of a second below {@value #FIRE_GAP_TENTHS}: Nomad fires those within 5 s together
     * (N-19, INV-9).
     */
    static final int FIRE_BESIDE_DEADLINE = 14;
    static final long FIRE_GAP_TENTHS = 1_200;
    /**
     * Allocations still alive on one node after a plan replaced them: replaced while unknown
     * (their node disconnected, N-30), or reported running again by their client once it came
     * back. A crash or a restart there turns one FAILED, and a reconciler that ignores the
     * replacement reschedules it a second time (INV-10, Nomad's NextAllocation check). The
     * focus is that node and instant.
     */
    static final int REPLACED_YET_ALIVE = 15;
    /** Closeness is this minus the log2 of a span in tenths of a second. */
    private static final int CLOSE_MAX = 40;

    private final long[] metrics = new long[METRICS];
    private final long[] focus = filled(METRICS);
    /** The time of the event being read. */
    private long eventNanos;
    private final long[] bits = new long[BITS / 64];
    private final IntArrayList features = new IntArrayList();

    private int[] nodeStatus = new int[16];
    private int[] nodeFaults = new int[16];
    private int[] consecutiveFailures = new int[16];
    private int[] totalFailures = new int[16];
    private long[] lastHeartbeatNanos = new long[16];
    private byte[] allocClient = new byte[64];
    /** Nodes (or drains) under each kind right now. */
    private final int[] activeCount = new int[KINDS];
    private long stalledUntilNanos = -1;
    private long failoverAtNanos = Long.MIN_VALUE / 2;
    private long recentInstantNanos = Long.MIN_VALUE / 2;
    private int recentInstantKind = -1;
    private int notReady;
    private int drains;
    private long lastDeadlineDrainNanos = -1;
    private int deadlineDrains;
    /** Per allocation: its node and job, and whether it is marked to migrate and still live. */
    private int[] allocNode = new int[64];
    private int[] allocJob = new int[64];
    private boolean[] allocMarkedLive = new boolean[64];
    /** Per node: allocations seen alive there after their replacement. */
    private int[] replacedAliveOnNode = new int[16];
    /** Per allocation: a later placement replaced it. */
    private boolean[] allocReplaced = new boolean[64];
    /** Per node: the drain deadline tracked (nanos), {@link #NO_DEADLINE}, or 0 if none. */
    private long[] drainKey = new long[16];
    private static final long NO_DEADLINE = -1;
    /** Per node: allocations marked to migrate, still live; per job: the same. */
    private int[] markedLiveOnNode = new int[16];
    private int[] migratingOfJob = new int[16];
    private long[] lastCommitOfJobNanos = new long[16];
    private long[] nodeCpuMilli = new long[16];
    private long[] reservedCpuMilli = new long[16];
    private long lastNodeChangeNanos = -1;
    private final Long2IntOpenHashMap failedAttemptsOfTask = new Long2IntOpenHashMap();

    public Coverage() {
        Arrays.fill(nodeStatus, -1);
        Arrays.fill(allocClient, (byte) -1);
    }

    private static long[] filled(int length) {
        long[] array = new long[length];
        Arrays.fill(array, -1);
        return array;
    }

    /** The features reached, each once, in the order first reached. */
    public int[] features() {
        return features.toIntArray();
    }

    /** The run's near-miss measures, indexed as {@link #METRICS}. */
    public long[] metrics() {
        return metrics.clone();
    }

    /** Raises {@code metric} to {@code value} if higher; the focus is then here, on {@code node}. */
    private void best(int metric, long value, int node) {
        if (value > metrics[metric]) {
            metrics[metric] = value;
            focus[metric] = focusOf(node, eventNanos);
        }
    }

    /**
     * Where and when a near miss happened, packed for {@link #focus()}: the time in
     * milliseconds in the high bits, the node plus one (0: no node) in the low
     * {@value #FOCUS_NODE_BITS} bits.
     */
    static long focusOf(int node, long atNanos) {
        long slot = node < 0 || node >= (1 << FOCUS_NODE_BITS) - 1 ? 0 : node + 1;
        return (atNanos / 1_000_000L) << FOCUS_NODE_BITS | slot;
    }

    /** The node of a packed focus, or -1 for none. */
    public static int focusNode(long focus) {
        return (int) (focus & ((1 << FOCUS_NODE_BITS) - 1)) - 1;
    }

    /** The time of a packed focus, in milliseconds of simulated time. */
    public static long focusAtMillis(long focus) {
        return focus >>> FOCUS_NODE_BITS;
    }

    static final int FOCUS_NODE_BITS = 16;

    /**
     * Per near-miss measure, where and when the run reached its best value ({@link #focusOf});
     * -1 where the run never raised it. Guided search aims edits there.
     */
    public long[] focus() {
        return focus.clone();
    }

    @Override
    public void record(HistoryEvent event) {
        long at = event.atNanos();
        eventNanos = at;
        switch (event.type()) {
            case NODE_REGISTERED -> {
                NodeRegistered e = (NodeRegistered) event;
                nodeCpuMilli[grow(e.node())] = e.cpuMilli();
            }
            case ALLOC_PLACED -> {
                AllocPlaced e = (AllocPlaced) event;
                placed(e);
            }
            case RESOURCES_RESERVED -> {
                ResourcesReserved e = (ResourcesReserved) event;
                reservedCpuMilli[grow(e.node())] += e.cpuMilli();
            }
            case RESOURCES_RELEASED -> {
                ResourcesReleased e = (ResourcesReleased) event;
                reservedCpuMilli[grow(e.node())] -= e.cpuMilli();
            }
            case NODE_STATUS_CHANGED -> {
                NodeStatusChanged e = (NodeStatusChanged) event;
                nodeStatus(at, e.node(), e.status());
            }
            case ALLOC_CLIENT_CHANGED -> {
                AllocClientChanged e = (AllocClientChanged) event;
                int alloc = e.alloc();
                if (alloc >= allocClient.length) {
                    int old = allocClient.length;
                    allocClient = Arrays.copyOf(allocClient, Math.max(alloc + 1, old * 2));
                    Arrays.fill(allocClient, old, allocClient.length, (byte) -1);
                }
                int from = allocClient[alloc];
                allocClient[alloc] = (byte) e.client().ordinal();
                inContext(at, 3, from, e.client().ordinal());
                if (terminal(e.client())) {
                    unmark(alloc);
                }
                if ((e.client() == ClientStatus.RUNNING || e.client() == ClientStatus.PENDING)
                        && alloc < allocReplaced.length && allocReplaced[alloc]) {
                    aliveAfterReplacement(alloc, 1);
                }
            }
            case ALLOC_DESIRED_CHANGED -> {
                AllocDesiredChanged e = (AllocDesiredChanged) event;
                inContext(at, 4, e.desired().ordinal(), e.reason() == null ? 0 : e.reason().hashCode());
            }
            case TASK_ATTEMPT_CHANGED -> {
                TaskAttemptChanged e = (TaskAttemptChanged) event;
                int error = e.errorType() == null ? -1 : e.errorType().ordinal();
                inContext(at, 5, e.state().ordinal(), error);
                if (e.state() == io.schedsim.history.AttemptState.FAILED) {
                    // A task failing again and again: the near miss of retry counting (INV-19).
                    int failures = failedAttemptsOfTask.addTo(e.task(), 1) + 1;
                    add(26, Math.min(failures, 6), error);
                    best(TASK_FAILED_ATTEMPTS, failures, -1);
                }
            }
            case TASK_RESOLVED -> {
                TaskResolved e = (TaskResolved) event;
                add(6, e.errorType() == null ? -1 : e.errorType().ordinal(), 0);
            }
            case HEARTBEAT_LOSS_CHANGED -> {
                HeartbeatLossChanged e = (HeartbeatLossChanged) event;
                lasting(at, e.node(), HB_LOSS, e.lossProbability() > 0);
            }
            case HEARTBEAT_DELAY_CHANGED -> {
                HeartbeatDelayChanged e = (HeartbeatDelayChanged) event;
                lasting(at, e.node(), HB_DELAY, e.extraDelayNanos() > 0);
            }
            case PARTITION_CHANGED -> {
                PartitionChanged e = (PartitionChanged) event;
                lasting(at, e.node(), PARTITION, e.toServerBlocked() || e.fromServerBlocked());
            }
            case CLOCK_DRIFT_CHANGED -> {
                ClockDriftChanged e = (ClockDriftChanged) event;
                lasting(at, e.node(), DRIFT, e.ratePpm() != 0);
            }
            case SCHEDULERS_STALLED -> {
                SchedulersStalled e = (SchedulersStalled) event;
                starts(at, -1, STALL);
                stalledUntilNanos = e.untilNanos();
            }
            case LEADER_FAILOVER -> {
                starts(at, -1, FAILOVER);
                failoverAtNanos = at;
                instant(at, FAILOVER);
            }
            case AGENT_KILLED -> {
                AgentKilled e = (AgentKilled) event;
                starts(at, e.node(), KILLED);
                instant(at, KILLED);
            }
            case HOST_TERMINATED -> {
                HostTerminated e = (HostTerminated) event;
                starts(at, e.node(), KILLED);
                instant(at, KILLED);
                if (e.byKiller()) {
                    // The killer keeps one worker alive: the fewer it saw, the nearer its floor.
                    add(31, Math.min(notReady, 8), 0);
                    // Its focus is the instant alone: other nodes must be down then, not this one.
                    best(KILL_WITH_NODES_DOWN, notReady, -1);
                }
            }
            case NODE_RESTARTED -> {
                NodeRestarted e = (NodeRestarted) event;
                starts(at, e.node(), RESTART);
                instant(at, RESTART);
            }
            case CLOCK_JUMPED -> {
                ClockJumped e = (ClockJumped) event;
                starts(at, e.node(), JUMP);
                instant(at, JUMP);
            }
            case DRAIN_SET_CALL -> {
                DrainSetCall e = (DrainSetCall) event;
                drainSet(at, e);
            }
            case DRAIN_COMPLETED -> {
                DrainCompleted e = (DrainCompleted) event;
                // A force drain's deadline is upstream's zero time: it fires at once and alone,
                // so only a real deadline's fire can miss the coalescing (N-19).
                boolean deadline = e.deadlineReached() && drainKey[grow(e.node())] > 0;
                if (deadline) {
                    fired(at, e.node());
                }
                drainEnded(e.node());
                inContext(at, 8, e.deadlineReached() ? 1 : 0, 0);
                if (deadline) {
                    // Deadlines that fire close together: Nomad coalesces those within 5 s (N-19).
                    if (lastDeadlineDrainNanos >= 0) {
                        add(29, log2Tenths(at - lastDeadlineDrainNanos), 0);
                        best(DEADLINE_FIRES_CLOSE, CLOSE_MAX - log2Tenths(at - lastDeadlineDrainNanos),
                                e.node());
                    }
                    add(30, Math.min(++deadlineDrains, 4), 0);
                    lastDeadlineDrainNanos = at;
                }
            }
            case DRAIN_CANCEL_CALL -> {
                DrainCancelCall e = (DrainCancelCall) event;
                if (e.accepted()) {
                    drainEnded(e.node());
                }
            }
            case NODE_PURGED -> {
                // The servers delete the node with its drain (N-20): its deadline is no longer due.
                NodePurged e = (NodePurged) event;
                drainEnded(e.node());
            }
            case ELIGIBILITY_CHANGED -> {
                EligibilityChanged e = (EligibilityChanged) event;
                inContext(at, 9, e.eligible() ? 1 : 0, e.source().ordinal());
                lastNodeChangeNanos = at;
            }
            case HEALTH_CHECK_FAILED -> {
                HealthCheckFailed e = (HealthCheckFailed) event;
                int node = grow(e.node());
                add(10, Math.min(++consecutiveFailures[node], 12), e.failure().ordinal());
                add(11, Math.min(++totalFailures[node], 24), 0);
                best(CONSECUTIVE_FAILED_CHECKS, consecutiveFailures[node], node);
                best(FAILED_CHECKS_SINCE_CHANGE, totalFailures[node], node);
            }
            case HEALTH_CHECK_ANSWERED -> {
                HealthCheckAnswered e = (HealthCheckAnswered) event;
                int node = grow(e.node());
                if (consecutiveFailures[node] > 0) {
                    add(12, Math.min(consecutiveFailures[node], 12), 0);
                }
                consecutiveFailures[node] = 0;
            }
            case HEARTBEAT_RECEIVED -> {
                HeartbeatReceived e = (HeartbeatReceived) event;
                heartbeat(at, e);
            }
            case PLAN_COMMITTED -> {
                PlanCommitted e = (PlanCommitted) event;
                committed(at, e);
            }
            case MIGRATE_MARKED -> {
                MigrateMarked e = (MigrateMarked) event;
                inContext(at, 16, e.disablePlacement() ? 1 : 0, 0);
                marked(e.alloc());
            }
            case LEASE_GRANTED -> {
                LeaseGranted e = (LeaseGranted) event;
                inContext(at, 17, Math.min(e.spillbacks(), 3), 0);
                leased(e);
            }
            default -> {
                // Read by the monitor only: nothing this measure needs.
            }
        }
    }

    private void nodeStatus(long at, int node, NodeStatus status) {
        grow(node);
        int from = nodeStatus[node];
        int to = status.ordinal();
        nodeStatus[node] = to;
        boolean wasReady = from == NodeStatus.READY.ordinal() || from == -1;
        boolean ready = status == NodeStatus.READY;
        if (from != -1 && wasReady != ready) {
            notReady += ready ? -1 : 1;
        }
        inContext(at, 1, from, to);
        add(2, Math.min(notReady, 8), to);
        best(NODES_NOT_READY, notReady, -1);
        lastNodeChangeNanos = at;
        if (!ready) {
            // Leaving with migrations still pending: the shape of N-31's order (INV-14).
            add(23, Math.min(markedLiveOnNode[node], 4), to);
            best(MIGRATING_ON_LEAVING_NODE, markedLiveOnNode[node], node);
        }
        // Faults on this very node when it changed: the shapes detectors get wrong.
        for (int kind = 0; kind < KINDS; kind++) {
            if ((nodeFaults[node] & (1 << kind)) != 0) {
                add(18, kind, to);
            }
        }
        consecutiveFailures[node] = 0;
        totalFailures[node] = 0;
    }

    private void heartbeat(long at, HeartbeatReceived e) {
        int node = grow(e.node());
        long last = lastHeartbeatNanos[node];
        lastHeartbeatNanos[node] = at;
        if (last <= 0 || e.ttlNanos() <= 0) {
            return;
        }
        long eighths = Math.min(24, (at - last) * 8 / e.ttlNanos());
        add(13, (int) eighths, nodeStatus[node]);
        if (nodeStatus[node] == NodeStatus.READY.ordinal()) {
            best(HEARTBEAT_GAP_WHILE_READY, eighths, node);
        }
        if (at - failoverAtNanos < AFTER_FAILOVER_NANOS) {
            add(14, (int) eighths, (int) Math.min(9, (at - failoverAtNanos) / 60_000_000_000L));
            best(GAP_AFTER_FAILOVER, eighths, node);
        }
    }

    private void drainSet(long at, DrainSetCall e) {
        if (!e.accepted()) {
            add(7, 0, e.force() ? 1 : 0);
            return;
        }
        int node = grow(e.node());
        long deadline = e.force() || e.deadlineMillis() <= 0 ? NO_DEADLINE
                : at + e.deadlineMillis() * 1_000_000L;
        if (deadline > 0) {
            // How close another drain's deadline falls: Nomad coalesces those within 5 s.
            int nearest = nearestOtherDrain(node, deadline);
            if (nearest >= 0) {
                long closest = Math.abs(drainKey[nearest] - deadline);
                add(7, 2, log2Tenths(closest));
                best(DEADLINES_SET_CLOSE, CLOSE_MAX - log2Tenths(closest), node);
            }
        }
        if (drainKey[node] == 0) {
            drains++;
        }
        drainKey[node] = deadline;
        starts(at, node, DRAIN);
        activeCount[DRAIN] = drains;
        add(7, 1, Math.min(drains, 4) * 4 + (e.force() ? 1 : 0) + (e.ignoreSystemJobs() ? 2 : 0));
    }

    /**
     * A drain's deadline fires on {@code node}: how near the nearest other tracked deadline
     * falls. Nomad's drain heap fires every deadline within 5 s of the earliest together (N-19);
     * a drainer that fires each on its own breaks INV-9 only when another drain, still going,
     * is due that soon, so the measure is linear in tenths of a second where edits land.
     */
    private void fired(long at, int node) {
        int nearest = nearestOtherDrain(node, at);
        if (nearest < 0) {
            return;
        }
        long gap = Math.abs(drainKey[nearest] - at);
        long tenths = gap / 100_000_000L;
        add(35, log2Tenths(gap), 0);
        // The focus is the other drain: its deadline must move to this fire's instant.
        best(FIRE_BESIDE_DEADLINE, Math.max(0, FIRE_GAP_TENTHS - tenths), nearest);
    }

    /**
     * The node, other than {@code node}, whose tracked drain deadline falls nearest
     * {@code atNanos} (the first of equals); -1 if none.
     */
    private int nearestOtherDrain(int node, long atNanos) {
        int nearest = -1;
        long gap = Long.MAX_VALUE;
        for (int other = 0; other < drainKey.length; other++) {
            if (other != node && drainKey[other] > 0
                    && Math.abs(drainKey[other] - atNanos) < gap) {
                gap = Math.abs(drainKey[other] - atNanos);
                nearest = other;
            }
        }
        return nearest;
    }

    private void drainEnded(int node) {
        node = grow(node);
        if (drainKey[node] != 0) {
            drainKey[node] = 0;
            drains--;
        }
        activeCount[DRAIN] = drains;
        nodeFaults[node] &= ~(1 << DRAIN);
    }

    /** A lasting fault starts or ends on {@code node}. */
    private void lasting(long at, int node, int kind, boolean on) {
        node = grow(node);
        boolean was = (nodeFaults[node] & (1 << kind)) != 0;
        if (on && !was) {
            starts(at, node, kind);
            activeCount[kind]++;
        } else if (!on && was) {
            nodeFaults[node] &= ~(1 << kind);
            activeCount[kind]--;
        }
    }

    /** A fault of {@code kind} begins: every pair it makes with what is active. */
    private void starts(long at, int node, int kind) {
        for (int other = 0; other < KINDS; other++) {
            if (active(at, other)) {
                add(20, other, kind);
            }
        }
        if (at - recentInstantNanos < 30_000_000_000L && recentInstantKind >= 0) {
            add(22, recentInstantKind, kind);
        }
        if (node >= 0) {
            node = grow(node);
            for (int other = 0; other < KINDS; other++) {
                if ((nodeFaults[node] & (1 << other)) != 0) {
                    add(21, other, kind);
                }
            }
            if (kind != KILLED && kind != RESTART && kind != JUMP) {
                nodeFaults[node] |= 1 << kind;
            }
        }
    }

    private void instant(long at, int kind) {
        recentInstantNanos = at;
        recentInstantKind = kind;
    }

    private boolean active(long at, int kind) {
        if (kind == STALL) {
            return at < stalledUntilNanos;
        }
        if (kind == FAILOVER || kind == KILLED || kind == RESTART || kind == JUMP) {
            return false;
        }
        return activeCount[kind] > 0;
    }

    /** A transition, alone and with each fault kind active when it happened. */
    private void inContext(long at, int category, int a, int b) {
        add(category, a, b);
        for (int kind = 0; kind < KINDS; kind++) {
            if (active(at, kind)) {
                add(category + 100, a * 16 + kind, b);
            }
        }
    }

    private void add(int category, int a, int b) {
        long key = ((long) category << 48) ^ ((long) (a & 0xFFFF) << 32) ^ (b & 0xFFFFFFFFL);
        int feature = (int) (SimRandom.mix64(key) & MASK);
        long bit = 1L << feature;
        int word = feature >>> 6;
        if ((bits[word] & bit) == 0) {
            bits[word] |= bit;
            features.add(feature);
        }
    }

    private void placed(AllocPlaced e) {
        int alloc = e.alloc();
        if (alloc >= allocNode.length) {
            int size = Math.max(alloc + 1, allocNode.length * 2);
            allocNode = Arrays.copyOf(allocNode, size);
            allocJob = Arrays.copyOf(allocJob, size);
            allocMarkedLive = Arrays.copyOf(allocMarkedLive, size);
            allocReplaced = Arrays.copyOf(allocReplaced, size);
        }
        allocNode[alloc] = grow(e.node());
        allocJob[alloc] = growJob(e.job());
        int previous = e.previousAlloc();
        if (previous >= 0 && previous < allocNode.length) {
            allocReplaced[previous] = true;
            if (previous < allocClient.length
                    && allocClient[previous] == ClientStatus.UNKNOWN.ordinal()) {
                aliveAfterReplacement(previous, 0);
            }
        }
    }

    private void marked(int alloc) {
        if (alloc >= allocNode.length || allocMarkedLive[alloc]) {
            return;
        }
        allocMarkedLive[alloc] = true;
        markedLiveOnNode[allocNode[alloc]]++;
        // Migrations of one job in flight at once: pacing at or past max_parallel (INV-4).
        int inFlight = ++migratingOfJob[allocJob[alloc]];
        add(28, Math.min(inFlight, 5), 0);
        best(JOB_MIGRATIONS_IN_FLIGHT, inFlight, allocNode[alloc]);
    }

    /** Allocation {@code alloc}, replaced already, is alive: unknown (0) or reported (1). */
    private void aliveAfterReplacement(int alloc, int how) {
        int node = allocNode[alloc];
        int count = ++replacedAliveOnNode[node];
        add(36, Math.min(count, 4), how);
        best(REPLACED_YET_ALIVE, count, node);
    }

    private void unmark(int alloc) {
        if (alloc < allocNode.length && allocMarkedLive[alloc]) {
            allocMarkedLive[alloc] = false;
            markedLiveOnNode[allocNode[alloc]]--;
            migratingOfJob[allocJob[alloc]]--;
        }
    }

    private static boolean terminal(ClientStatus status) {
        return status == ClientStatus.COMPLETE || status == ClientStatus.FAILED
                || status == ClientStatus.LOST;
    }

    /**
     * A plan made from a snapshot older than the job's last commit (two plans raced), or older
     * than a node's last change (the commit must re-check what the plan saw): the shapes
     * behind double replacements (INV-10) and placements past the gate (INV-1).
     */
    private void committed(long at, PlanCommitted e) {
        int job = growJob(e.job());
        boolean stale = e.plannedAtNanos() < lastCommitOfJobNanos[job];
        boolean nodeChanged = e.plannedAtNanos() < lastNodeChangeNanos;
        int replaces = Math.min(e.placements(), 3) * 4 + Math.min(e.lost() + e.migrations(), 3);
        add(15, Math.min(e.migrations(), 4) * 8 + Math.min(e.lost(), 4),
                at < stalledUntilNanos ? 1 : 0);
        if (stale) {
            add(24, replaces, 0);
            if (e.placements() + e.lost() + e.migrations() > 0) {
                best(STALE_REPLACING_COMMITS, metrics[STALE_REPLACING_COMMITS] + 1, -1);
            }
        }
        if (nodeChanged) {
            add(27, replaces, stale ? 1 : 0);
            if (e.placements() > 0) {
                best(COMMITS_AFTER_NODE_CHANGE, metrics[COMMITS_AFTER_NODE_CHANGE] + 1, -1);
            }
        }
        lastCommitOfJobNanos[job] = at;
    }

    /** How full the leased node is, and whether it is draining (INV-1, INV-17 shapes). */
    private void leased(LeaseGranted e) {
        int node = grow(e.node());
        long cpu = nodeCpuMilli[node];
        int quarters = cpu <= 0 ? 7 : (int) Math.min(6, (reservedCpuMilli[node] + e.cpuMilli())
                * 4 / cpu);
        add(25, quarters, (nodeFaults[node] & (1 << DRAIN)) != 0 ? 1 : 0);
        if (cpu > 0) {
            best(LEASE_FULLNESS, quarters, node);
        }
    }

    /** Log2 of a span in tenths of a second: 0 below 0.2 s, 5 about 3 s, 12 about 7 min. */
    private static int log2Tenths(long nanos) {
        return 64 - Long.numberOfLeadingZeros(Math.max(0, nanos) / 100_000_000L);
    }

    private int growJob(int job) {
        if (job < 0) {
            return 0;
        }
        if (job >= migratingOfJob.length) {
            int size = Math.max(job + 1, migratingOfJob.length * 2);
            migratingOfJob = Arrays.copyOf(migratingOfJob, size);
            lastCommitOfJobNanos = Arrays.copyOf(lastCommitOfJobNanos, size);
        }
        return job;
    }

    private int grow(int node) {
        if (node < 0) {
            return 0;
        }
        if (node >= nodeStatus.length) {
            int size = Math.max(node + 1, nodeStatus.length * 2);
            int old = nodeStatus.length;
            nodeStatus = Arrays.copyOf(nodeStatus, size);
            Arrays.fill(nodeStatus, old, size, -1);
            nodeFaults = Arrays.copyOf(nodeFaults, size);
            consecutiveFailures = Arrays.copyOf(consecutiveFailures, size);
            totalFailures = Arrays.copyOf(totalFailures, size);
            lastHeartbeatNanos = Arrays.copyOf(lastHeartbeatNanos, size);
            markedLiveOnNode = Arrays.copyOf(markedLiveOnNode, size);
            replacedAliveOnNode = Arrays.copyOf(replacedAliveOnNode, size);
            drainKey = Arrays.copyOf(drainKey, size);
            nodeCpuMilli = Arrays.copyOf(nodeCpuMilli, size);
            reservedCpuMilli = Arrays.copyOf(reservedCpuMilli, size);
        }
        return node;
    }
}
