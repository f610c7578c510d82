package io.schedsim.prop.search.guided;

import io.schedsim.core.random.SimRandom;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocDesiredChanged;
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
import io.schedsim.history.NodeRestarted;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.PartitionChanged;
import io.schedsim.history.PlanCommitted;
import io.schedsim.history.SchedulersStalled;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.history.TaskResolved;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * What one run reached, as a set of features hashed into {@value #BITS} bits, read from the run's
 * history (docs/history.md) for guided search: state-machine transitions of nodes, allocations
 * and task attempts, each also with every fault kind active when it happened; pairs of faults
 * that overlapped (cluster-wide and on the same node); and near misses, measured in buckets so
 * that a plan that comes closer reaches a new feature: consecutive and total failed health checks
 * of a node, heartbeat gaps against their TTL (also shortly after a leader failover), how many
 * nodes were not ready at once, concurrent drains and how close their deadlines fell, migrations
 * and losses per plan. Reads only event types the monitor reads, so measuring builds no event
 * the run would not build anyway. One instance per run, on the run's thread.
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
    private final long[] drainDeadlineNanos = new long[64];
    private int drains;

    public Coverage() {
        Arrays.fill(nodeStatus, -1);
        Arrays.fill(allocClient, (byte) -1);
    }

    /** The features reached, each once, in the order first reached. */
    public int[] features() {
        return features.toIntArray();
    }

    @Override
    public void record(HistoryEvent event) {
        long at = event.atNanos();
        if (event instanceof NodeRegistered e) {
            grow(e.node());
        } else if (event instanceof NodeStatusChanged e) {
            nodeStatus(at, e.node(), e.status());
        } else if (event instanceof AllocClientChanged e) {
            int alloc = e.alloc();
            if (alloc >= allocClient.length) {
                int old = allocClient.length;
                allocClient = Arrays.copyOf(allocClient, Math.max(alloc + 1, old * 2));
                Arrays.fill(allocClient, old, allocClient.length, (byte) -1);
            }
            int from = allocClient[alloc];
            allocClient[alloc] = (byte) e.client().ordinal();
            inContext(at, 3, from, e.client().ordinal());
        } else if (event instanceof AllocDesiredChanged e) {
            inContext(at, 4, e.desired().ordinal(), e.reason() == null ? 0 : e.reason().hashCode());
        } else if (event instanceof TaskAttemptChanged e) {
            inContext(at, 5, e.state().ordinal(), e.errorType() == null ? -1
                    : e.errorType().ordinal());
        } else if (event instanceof TaskResolved e) {
            add(6, e.errorType() == null ? -1 : e.errorType().ordinal(), 0);
        } else if (event instanceof HeartbeatLossChanged e) {
            lasting(at, e.node(), HB_LOSS, e.lossProbability() > 0);
        } else if (event instanceof HeartbeatDelayChanged e) {
            lasting(at, e.node(), HB_DELAY, e.extraDelayNanos() > 0);
        } else if (event instanceof PartitionChanged e) {
            lasting(at, e.node(), PARTITION, e.toServerBlocked() || e.fromServerBlocked());
        } else if (event instanceof ClockDriftChanged e) {
            lasting(at, e.node(), DRIFT, e.ratePpm() != 0);
        } else if (event instanceof SchedulersStalled e) {
            starts(at, -1, STALL);
            stalledUntilNanos = e.untilNanos();
        } else if (event instanceof LeaderFailover) {
            starts(at, -1, FAILOVER);
            failoverAtNanos = at;
            instant(at, FAILOVER);
        } else if (event instanceof AgentKilled e) {
            starts(at, e.node(), KILLED);
            instant(at, KILLED);
        } else if (event instanceof HostTerminated e) {
            starts(at, e.node(), KILLED);
            instant(at, KILLED);
        } else if (event instanceof NodeRestarted e) {
            starts(at, e.node(), RESTART);
            instant(at, RESTART);
        } else if (event instanceof ClockJumped e) {
            starts(at, e.node(), JUMP);
            instant(at, JUMP);
        } else if (event instanceof DrainSetCall e) {
            drainSet(at, e);
        } else if (event instanceof DrainCompleted e) {
            drainEnded(e.node());
            inContext(at, 8, e.deadlineReached() ? 1 : 0, 0);
        } else if (event instanceof DrainCancelCall e) {
            if (e.accepted()) {
                drainEnded(e.node());
            }
        } else if (event instanceof EligibilityChanged e) {
            inContext(at, 9, e.eligible() ? 1 : 0, e.source().ordinal());
        } else if (event instanceof HealthCheckFailed e) {
            int node = grow(e.node());
            add(10, Math.min(++consecutiveFailures[node], 12), e.failure().ordinal());
            add(11, Math.min(++totalFailures[node], 24), 0);
        } else if (event instanceof HealthCheckAnswered e) {
            int node = grow(e.node());
            if (consecutiveFailures[node] > 0) {
                add(12, Math.min(consecutiveFailures[node], 12), 0);
            }
            consecutiveFailures[node] = 0;
        } else if (event instanceof HeartbeatReceived e) {
            heartbeat(at, e);
        } else if (event instanceof PlanCommitted e) {
            add(15, Math.min(e.migrations(), 4) * 8 + Math.min(e.lost(), 4),
                    at < stalledUntilNanos ? 1 : 0);
        } else if (event instanceof MigrateMarked e) {
            inContext(at, 16, e.disablePlacement() ? 1 : 0, 0);
        } else if (event instanceof LeaseGranted e) {
            inContext(at, 17, Math.min(e.spillbacks(), 3), 0);
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
        if (at - failoverAtNanos < AFTER_FAILOVER_NANOS) {
            add(14, (int) eighths, (int) Math.min(9, (at - failoverAtNanos) / 60_000_000_000L));
        }
    }

    private void drainSet(long at, DrainSetCall e) {
        if (!e.accepted()) {
            add(7, 0, e.force() ? 1 : 0);
            return;
        }
        long deadline = e.deadlineMillis() <= 0 ? -1 : at + e.deadlineMillis() * 1_000_000L;
        if (deadline > 0) {
            // How close another drain's deadline falls: Nomad coalesces those within 5 s.
            long closest = Long.MAX_VALUE;
            for (int i = 0; i < drains && i < drainDeadlineNanos.length; i++) {
                if (drainDeadlineNanos[i] > 0) {
                    closest = Math.min(closest, Math.abs(drainDeadlineNanos[i] - deadline));
                }
            }
            if (closest != Long.MAX_VALUE) {
                add(7, 2, 64 - Long.numberOfLeadingZeros(closest / 100_000_000L));
            }
        }
        if (drains < drainDeadlineNanos.length) {
            drainDeadlineNanos[drains] = deadline;
        }
        drains++;
        starts(at, e.node(), DRAIN);
        activeCount[DRAIN] = drains;
        add(7, 1, Math.min(drains, 4) * 4 + (e.force() ? 1 : 0) + (e.ignoreSystemJobs() ? 2 : 0));
    }

    private void drainEnded(int node) {
        if (drains > 0) {
            drains--;
            if (drains < drainDeadlineNanos.length) {
                drainDeadlineNanos[drains] = 0;
            }
        }
        activeCount[DRAIN] = drains;
        nodeFaults[grow(node)] &= ~(1 << DRAIN);
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
        }
        return node;
    }
}
