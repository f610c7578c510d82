package io.schedsim.monitor.nomad;

import io.schedsim.history.AllocDesiredChanged;
import io.schedsim.history.AllocPlaced;
import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.JobType;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-16: at most one non-terminal allocation per (node, system or sysbatch job); a system
 * allocation is stopped only when a drain marked it, its job changed version or stopped, or its
 * node is lost (N-36; a stop that turns out lost in the same step is a loss, INV-14's). An
 * ineligible or draining node keeps its system allocation: ineligibility is not eviction (N-23).
 */
public final class SystemGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.ALLOC_PLACED, EventType.ALLOC_DESIRED_CHANGED);

    private final State state;
    private final IntArrayList stopped = new IntArrayList();
    private final ObjectArrayList<String> reasons = new ObjectArrayList<>();

    public SystemGuard(State state) {
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
        if (event instanceof AllocPlaced e && state.jobs.perNode(state.jobIndex)) {
            judgePlacement(e);
        } else if (event instanceof AllocDesiredChanged e && e.desired() != DesiredStatus.RUN) {
            int a = state.allocIndex;
            AllocTable allocs = state.allocs;
            int j = allocs.job(a);
            if (state.jobs.type(j) == JobType.SYSTEM && !allocs.serverTerminal(a)
                    && !allocs.migrate(a) && !state.nodes.unresponsive(allocs.node(a))
                    && allocs.versionAtPlace(a) == state.jobs.version(j)
                    && !state.jobs.stopped(j)) {
                stopped.add(a);
                reasons.add(e.reason());
            }
        }
    }

    private void judgePlacement(AllocPlaced e) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(state.nodeIndex);
        for (int k = 0; k < here.size(); k++) {
            int other = here.getInt(k);
            if (allocs.job(other) == state.jobIndex && !allocs.terminal(other)) {
                state.verdicts.report(Invariant.SYSTEM_UNIQUENESS, e.node(), e.alloc(), -1,
                        e.job(), "second allocation of " + state.jobs.type(state.jobIndex)
                                + " job " + e.job() + " on node " + e.node() + " beside "
                                + allocs.id(other));
                return;
            }
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        AllocTable allocs = state.allocs;
        for (int k = 0; k < stopped.size(); k++) {
            int a = stopped.getInt(k);
            if (allocs.client(a) != ClientStatus.LOST) {
                int j = allocs.job(a);
                state.verdicts.report(Invariant.SYSTEM_UNIQUENESS,
                        state.nodes.id(allocs.node(a)), allocs.id(a), -1, state.jobs.id(j),
                        "system allocation " + allocs.id(a) + " stopped on live node "
                                + state.nodes.id(allocs.node(a)) + " without a drain mark or "
                                + "job update (\"" + reasons.get(k) + "\")");
            }
        }
        stopped.clear();
        reasons.clear();
    }
}
