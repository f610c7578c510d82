package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocClientChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobDisconnectConfigured;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-15 (N-27, N-30, N-31), from the jobs' disconnect blocks ({@code job-disconnect-configured}):
 * under NOMAD_TTL a node whose heartbeats lapse goes disconnected exactly when it holds an
 * allocation desired to run whose group has lost_after and which has not expired (an unknown one
 * expires at the time it went unknown + lost_after, inclusive), and down otherwise; an allocation
 * turns unknown only on a disconnected node and only with lost_after; an unknown allocation is
 * lost no sooner than its expiry; and one whose group says replace=false is not replaced while
 * it is unknown.
 */
public final class DisconnectGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.JOB_DISCONNECT_CONFIGURED, EventType.NODE_STATUS_CHANGED,
            EventType.ALLOC_CLIENT_CHANGED, EventType.ALLOC_PLACED);

    private final State state;
    /** Per job index: lost_after in nanoseconds, 0 without a disconnect block. */
    private long[] lostAfterNanos = new long[16];
    /** Per job index: the block's replace flag (true without a block). */
    private boolean[] replace = new boolean[16];

    public DisconnectGuard(State state) {
        this.state = state;
        Arrays.fill(replace, true);
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        switch (state.eventType) {
            case JOB_DISCONNECT_CONFIGURED -> configure((JobDisconnectConfigured) event);
            case NODE_STATUS_CHANGED -> onStatus((NodeStatusChanged) event);
            case ALLOC_CLIENT_CHANGED -> onClient((AllocClientChanged) event);
            case ALLOC_PLACED -> onPlaced((AllocPlaced) event);
            default -> {
                // no other event is judged here
            }
        }
    }

    private void configure(JobDisconnectConfigured e) {
        int j = state.jobIndex;
        if (j >= lostAfterNanos.length) {
            int old = lostAfterNanos.length;
            lostAfterNanos = Arrays.copyOf(lostAfterNanos, Math.max(j + 1, old * 2));
            replace = Arrays.copyOf(replace, lostAfterNanos.length);
            Arrays.fill(replace, old, replace.length, true);
        }
        lostAfterNanos[j] = Time.millis(e.lostAfterMillis());
        replace[j] = e.replace();
    }

    private long lostAfter(int j) {
        return j < lostAfterNanos.length ? lostAfterNanos[j] : 0;
    }

    private boolean replaces(int j) {
        return j >= replace.length || replace[j];
    }

    private void onStatus(NodeStatusChanged e) {
        int n = state.nodeIndex;
        NodeStatus before = state.nodes.status(n);
        if (!state.config.ttlDetection() || before == e.status()) {
            return;
        }
        long now = e.atNanos();
        if (e.status() == NodeStatus.DISCONNECTED) {
            if (holdsUnexpired(n, now) < 0) {
                report(e.node(), -1, -1, "node " + e.node() + " disconnected at "
                        + Time.format(now) + " although it holds no unexpired allocation with "
                        + "lost_after that should run: it goes down (N-27)");
            }
        } else if (e.status() == NodeStatus.DOWN) {
            int a = holdsUnexpired(n, now);
            if (a >= 0) {
                AllocTable allocs = state.allocs;
                report(e.node(), allocs.id(a), state.jobs.id(allocs.job(a)), "node " + e.node()
                        + " marked down at " + Time.format(now) + " although allocation "
                        + allocs.id(a) + " (" + allocs.client(a) + ") has lost_after and has not "
                        + "expired: it disconnects (N-27)");
            }
        }
    }

    /** An allocation on node {@code n} that keeps it disconnected at {@code now}, or -1. */
    private int holdsUnexpired(int n, long now) {
        AllocTable allocs = state.allocs;
        IntArrayList on = allocs.onNode(n);
        for (int k = 0; k < on.size(); k++) {
            int a = on.getInt(k);
            long lostAfter = lostAfter(allocs.job(a));
            if (lostAfter <= 0 || allocs.desired(a) != DesiredStatus.RUN) {
                continue;
            }
            if (allocs.client(a) != ClientStatus.UNKNOWN
                    || Time.plus(allocs.clientSince(a), lostAfter) > now) {
                return a;
            }
        }
        return -1;
    }

    private void onClient(AllocClientChanged e) {
        AllocTable allocs = state.allocs;
        int a = state.allocIndex;
        ClientStatus from = allocs.client(a);
        int j = allocs.job(a);
        int node = state.nodes.id(allocs.node(a));
        if (e.client() == ClientStatus.UNKNOWN && from != ClientStatus.UNKNOWN) {
            if (state.nodes.status(allocs.node(a)) != NodeStatus.DISCONNECTED) {
                report(node, e.alloc(), state.jobs.id(j), "allocation " + e.alloc()
                        + " went unknown on node " + node + ", which is "
                        + state.nodes.status(allocs.node(a)) + ", not disconnected (N-31)");
            } else if (lostAfter(j) <= 0) {
                report(node, e.alloc(), state.jobs.id(j), "allocation " + e.alloc()
                        + " went unknown although its job has no lost_after: it is lost (N-31)");
            }
        } else if (e.client() == ClientStatus.LOST && from == ClientStatus.UNKNOWN) {
            long expiry = Time.plus(allocs.clientSince(a), lostAfter(j));
            // filters.go: a GC'd node's allocations are lost at once, lost_after or not (N-31).
            long purgedAt = state.nodes.purgedAt(allocs.node(a));
            boolean purgedSince = purgedAt != Time.NOT_YET && purgedAt >= allocs.clientSince(a);
            if (e.atNanos() < expiry && !purgedSince) {
                report(node, e.alloc(), state.jobs.id(j), "unknown allocation " + e.alloc()
                        + " lost at " + Time.format(e.atNanos()) + ", before lost_after expires at "
                        + Time.format(expiry));
            }
        }
    }

    private void onPlaced(AllocPlaced e) {
        if (e.previousAlloc() < 0) {
            return;
        }
        AllocTable allocs = state.allocs;
        int p = allocs.index(e.previousAlloc());
        // replace=false forbids the disconnect reschedule only (updateByReschedulable: "We never
        // want to reschedule unknown allocs that have replace = false"). An unknown allocation a
        // drain marked migrates once its node is Ready again ("non-terminal allocs marked for
        // migration always migrate", filters.go, tested before the reconnect rules): the plan
        // stops it as migrating before it places the replacement (chaos-swarm seeds 7158,
        // 13934: a force drain of a disconnected node, then the node reconnects).
        boolean migrated = p >= 0 && allocs.migrate(p) && allocs.desired(p) != DesiredStatus.RUN;
        if (p >= 0 && allocs.client(p) == ClientStatus.UNKNOWN && !replaces(allocs.job(p))
                && !migrated) {
            report(e.node(), e.alloc(), e.job(), "unknown allocation " + e.previousAlloc()
                    + " replaced although its group's disconnect block says replace=false");
        }
    }

    private void report(int node, int alloc, int job, String message) {
        state.verdicts.report(Invariant.DISCONNECT, node, alloc, -1, job, message);
    }
}
