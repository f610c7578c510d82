package io.schedsim.monitor.nomad;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.PlanCommitted;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-14 in N-31's order (scheduler/reconciler/filters.go, first match wins; the node reconciler
 * likewise): "non-terminal allocs marked for migration always migrate", and that test comes
 * before the one that loses allocations on a down node. So a plan committed for a job whose
 * allocation is marked for migration, still desired to run and not client-terminal, on a DOWN
 * node, stops it as a migration and does not mark it lost in its step
 * ({@code TestServiceSched_NodeDown}: run + running + migrate is stopped, client status not
 * lost). Only on a disconnected node do the loss rules come first. {@code LossGuard} then holds
 * a later plan to losing it. A plan made before the mark (strictly) is not bound by it: the
 * plan applier commits a stale plan as it is (N-23; chaos-swarm seed 8228, random ordering).
 * The generic reconciler tests "expiring" before the mark: an unknown allocation of a service
 * or batch job whose lost_after had run out at the plan's snapshot (alloc.go {@code Expired},
 * lastUnknown + lost_after, inclusive) is lost although marked (filters.go rule order;
 * chaos-swarm seeds 42929, 99889: marked on a disconnected node, expired, planned lost, the
 * node down by the commit). The node reconciler of system and sysbatch jobs tests the mark
 * first (reconcile_node.go), so they get no such exception.
 */
public final class MigrateFirstGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(EventType.PLAN_COMMITTED);

    private final State state;
    /** Allocation indices a plan of this instant must migrate, not lose. */
    private final IntArrayList owed = new IntArrayList();
    private final IntArrayList owedEval = new IntArrayList();

    public MigrateFirstGuard(State state) {
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
        AllocTable allocs = state.allocs;
        long plannedAt = ((PlanCommitted) event).plannedAtNanos();
        IntArrayList ofJob = state.jobs.allocs(state.jobIndex);
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            int n = allocs.node(a);
            // Only a mark strictly before the plan's snapshot binds it: a stale plan is
            // committed as it is (N-23), and a mark of the snapshot's instant may follow it.
            if (allocs.migrate(a) && allocs.migrateAt(a) < plannedAt
                    && !allocs.serverTerminal(a) && !allocs.clientTerminal(a)
                    && state.nodes.status(n) == NodeStatus.DOWN && !expiring(a, plannedAt)
                    && !owed.contains(a)) {
                owed.add(a);
                owedEval.add(((PlanCommitted) event).eval());
            }
        }
    }

    /** The generic reconciler's "expiring" rule at the plan's snapshot (see the class doc). */
    private boolean expiring(int a, long plannedAt) {
        AllocTable allocs = state.allocs;
        int j = allocs.job(a);
        long lostAfter = state.jobs.lostAfterNanos(j);
        return !state.jobs.perNode(j) && lostAfter > 0
                && allocs.client(a) == ClientStatus.UNKNOWN
                && Time.plus(allocs.clientSince(a), lostAfter) <= plannedAt;
    }

    @Override
    public void endOfInstant(long instantNanos) {
        AllocTable allocs = state.allocs;
        for (int k = 0; k < owed.size(); k++) {
            int a = owed.getInt(k);
            if (allocs.client(a) == ClientStatus.LOST) {
                int n = allocs.node(a);
                state.verdicts.report(Invariant.LOST_ALLOCS, state.nodes.id(n), allocs.id(a),
                        -1, state.jobs.id(allocs.job(a)), "plan of eval " + owedEval.getInt(k)
                                + " marked allocation " + allocs.id(a) + " lost on down node "
                                + state.nodes.id(n) + ", though it is marked for migration and"
                                + " so migrates first (N-31)");
            }
        }
        owed.clear();
        owedEval.clear();
    }
}
