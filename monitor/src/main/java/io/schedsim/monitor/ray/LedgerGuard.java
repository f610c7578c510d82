package io.schedsim.monitor.ray;

import io.schedsim.history.AttemptState;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.LeaseGranted;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.Ledger;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-17 on the monitor's own ledger. Each reported reservation keeps its node within capacity
 * (0 <= available <= total) for CPU, memory (allocations' and attempts') and the custom resource
 * a task asks for (R-12, R-14: not in the event, held by the attempt from its lease while its
 * reservation lives; the ledger adds it when the slot turns live), and belongs to a holder not
 * already holding one; each release
 * matches what its holder holds there. Within the step of the change: a placed allocation and a
 * granted lease hold their reservation; a terminal allocation and a finished or failed attempt
 * hold none; under a Ray detector a DEAD node holds no task reservation (its capacity leaves
 * with it, R-10).
 */
public final class LedgerGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.RESOURCES_RESERVED, EventType.RESOURCES_RELEASED, EventType.ALLOC_PLACED,
            EventType.ALLOC_DESIRED_CHANGED, EventType.ALLOC_CLIENT_CHANGED,
            EventType.LEASE_GRANTED, EventType.TASK_ATTEMPT_CHANGED, EventType.NODE_STATUS_CHANGED);

    private final State state;
    private final IntArrayList placed = new IntArrayList();
    private final IntArrayList ended = new IntArrayList();
    private final LongArrayList leases = new LongArrayList();
    private final IntArrayList leaseAttempts = new IntArrayList();
    private final LongArrayList endedTasks = new LongArrayList();
    private final IntArrayList endedAttempts = new IntArrayList();
    private final IntArrayList deadNodes = new IntArrayList();

    public LedgerGuard(State state) {
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
        if (event instanceof ResourcesReserved e) {
            judgeReserve(e);
        } else if (event instanceof ResourcesReleased e) {
            judgeRelease(e);
        }
    }

    private void judgeReserve(ResourcesReserved e) {
        Ledger ledger = state.ledger;
        NodeTable nodes = state.nodes;
        int n = state.nodeIndex;
        int slot = ledger.slotOf(e.alloc(), e.task());
        if (ledger.live(slot)) {
            report(e.node(), e.alloc(), e.task(), holder(e.alloc(), e.task(), e.attempt())
                    + " reserves again while holding " + ledger.cpuMilli(slot) + " mCPU on node "
                    + nodes.id(ledger.node(slot)));
        }
        long cpu = ledger.cpuOn(n) + e.cpuMilli();
        long mem = ledger.memOn(n) + e.memMb();
        if (cpu > nodes.cpuMilli(n) || mem > nodes.memMb(n)) {
            report(e.node(), e.alloc(), e.task(), holder(e.alloc(), e.task(), e.attempt())
                    + " takes node " + e.node() + " to " + cpu + " of " + nodes.cpuMilli(n)
                    + " mCPU and " + mem + " of " + nodes.memMb(n) + " MiB");
        }
        int t = e.task() < 0 ? -1 : state.tasks.index(e.task());
        int r = t < 0 ? -1 : state.tasks.resource(t);
        if (r >= 0 && !ledger.live(slot)) {
            long held = ledger.resourceOn(r, n) + state.tasks.resourceMilli(t);
            long total = state.resources.capacityMilli(r, n);
            if (held > total) {
                report(e.node(), e.alloc(), e.task(), holder(e.alloc(), e.task(), e.attempt())
                        + " takes node " + e.node() + " to " + held + " of " + total + " milli "
                        + state.resources.name(r));
            }
        }
        if (state.config.rayDetector() && nodes.down(n)) {
            report(e.node(), e.alloc(), e.task(), holder(e.alloc(), e.task(), e.attempt())
                    + " reserves on DEAD node " + e.node());
        }
    }

    private void judgeRelease(ResourcesReleased e) {
        Ledger ledger = state.ledger;
        int slot = ledger.slotOf(e.alloc(), e.task());
        boolean matches = ledger.live(slot) && ledger.node(slot) == state.nodeIndex
                && e.cpuMilli() <= ledger.cpuMilli(slot) && e.memMb() <= ledger.memMb(slot)
                && (e.task() < 0 || ledger.attempt(slot) == e.attempt());
        if (!matches) {
            report(e.node(), e.alloc(), e.task(), holder(e.alloc(), e.task(), e.attempt())
                    + " releases " + e.cpuMilli() + " mCPU and " + e.memMb() + " MiB on node "
                    + e.node() + " it does not hold there");
        }
    }

    @Override
    public void after(HistoryEvent event) {
        switch (state.eventType) {
            case ALLOC_PLACED -> placed.add(state.allocIndex);
            case ALLOC_DESIRED_CHANGED, ALLOC_CLIENT_CHANGED -> {
                if (state.allocs.terminal(state.allocIndex) && !ended.contains(state.allocIndex)) {
                    ended.add(state.allocIndex);
                }
            }
            case LEASE_GRANTED -> {
                LeaseGranted e = (LeaseGranted) event;
                leases.add(e.task());
                leaseAttempts.add(e.attempt());
            }
            case TASK_ATTEMPT_CHANGED -> {
                TaskAttemptChanged e = (TaskAttemptChanged) event;
                if (e.state() == AttemptState.FINISHED || e.state() == AttemptState.FAILED) {
                    endedTasks.add(e.task());
                    endedAttempts.add(e.attempt());
                }
            }
            case NODE_STATUS_CHANGED -> {
                if (((NodeStatusChanged) event).status() == NodeStatus.DOWN
                        && state.config.rayDetector()) {
                    deadNodes.add(state.nodeIndex);
                }
            }
            default -> {
                // other events change no holder's life
            }
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        judgePlacements();
        judgeLeases();
        judgeEnds();
        for (int k = 0; k < deadNodes.size(); k++) {
            int n = deadNodes.getInt(k);
            if (state.ledger.taskCpuOn(n) != 0) {
                report(state.nodes.id(n), -1, -1, "DEAD node " + state.nodes.id(n)
                        + " still holds " + state.ledger.taskCpuOn(n) + " mCPU of task "
                        + "reservations after the step of its death");
            }
        }
        placed.clear();
        ended.clear();
        leases.clear();
        leaseAttempts.clear();
        endedTasks.clear();
        endedAttempts.clear();
        deadNodes.clear();
    }

    private void judgePlacements() {
        AllocTable allocs = state.allocs;
        Ledger ledger = state.ledger;
        for (int k = 0; k < placed.size(); k++) {
            int a = placed.getInt(k);
            if (allocs.terminal(a)) {
                continue;
            }
            int j = allocs.job(a);
            int slot = ledger.allocSlot(allocs.id(a));
            boolean held = ledger.live(slot) && ledger.node(slot) == allocs.node(a)
                    && ledger.cpuMilli(slot) == state.jobs.spec(j).cpuMilli()
                    && ledger.memMb(slot) == state.jobs.spec(j).memMb();
            if (!held) {
                report(state.nodes.id(allocs.node(a)), allocs.id(a), -1, "allocation "
                        + allocs.id(a) + " placed without reserving its job's "
                        + state.jobs.spec(j).cpuMilli() + " mCPU and "
                        + state.jobs.spec(j).memMb() + " MiB on its node");
            }
        }
    }

    private void judgeLeases() {
        Ledger ledger = state.ledger;
        for (int k = 0; k < leases.size(); k++) {
            long task = leases.getLong(k);
            int attempt = leaseAttempts.getInt(k);
            int t = state.tasks.index(task);
            AttemptState now = state.tasks.state(t);
            if (state.tasks.attempts(t) - 1 != attempt || now == AttemptState.FINISHED
                    || now == AttemptState.FAILED) {
                continue;
            }
            int slot = ledger.taskSlot(task);
            if (!ledger.live(slot) || ledger.attempt(slot) != attempt) {
                report(-1, -1, task, "lease for attempt " + attempt + " of task " + task
                        + " granted without a reservation");
            }
        }
    }

    private void judgeEnds() {
        AllocTable allocs = state.allocs;
        Ledger ledger = state.ledger;
        for (int k = 0; k < ended.size(); k++) {
            int a = ended.getInt(k);
            int slot = ledger.allocSlot(allocs.id(a));
            if (ledger.live(slot)) {
                report(state.nodes.id(ledger.node(slot)), allocs.id(a), -1, "allocation "
                        + allocs.id(a) + " is " + allocs.desired(a) + "/" + allocs.client(a)
                        + " but still holds " + ledger.cpuMilli(slot) + " mCPU");
            }
        }
        for (int k = 0; k < endedTasks.size(); k++) {
            long task = endedTasks.getLong(k);
            int slot = ledger.taskSlot(task);
            if (ledger.live(slot) && ledger.attempt(slot) == endedAttempts.getInt(k)) {
                report(state.nodes.id(ledger.node(slot)), -1, task, "attempt "
                        + endedAttempts.getInt(k) + " of task " + task + " ended but still "
                        + "holds " + ledger.cpuMilli(slot) + " mCPU");
            }
        }
    }

    private static String holder(int alloc, long task, int attempt) {
        return alloc >= 0 ? "allocation " + alloc : "attempt " + attempt + " of task " + task;
    }

    private void report(int node, int alloc, long task, String message) {
        state.verdicts.report(Invariant.RESOURCE_ACCOUNTING, node, alloc, task, -1, message);
    }
}
