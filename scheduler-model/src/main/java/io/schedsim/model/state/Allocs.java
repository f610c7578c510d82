package io.schedsim.model.state;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The allocation table, indexed by id in creation order (so iteration is deterministic). Read-only
 * outside this package; status changes go through here so that INV-18 (monotonic states) is
 * checked at every transition.
 */
public final class Allocs {
    private final ObjectArrayList<Alloc> all = new ObjectArrayList<>();
    private final List<Alloc> allView = Collections.unmodifiableList(all);
    private final InvariantMonitor monitor;
    private final StoreHistory history;

    Allocs(InvariantMonitor monitor, StoreHistory history) {
        this.monitor = monitor;
        this.history = history;
    }

    Alloc create(Job job, int node, int previousAlloc, int rescheduleAttempts, long now) {
        Alloc alloc = new Alloc(all.size(), job, node, previousAlloc, rescheduleAttempts, now);
        all.add(alloc);
        return alloc;
    }

    public Alloc get(int id) {
        return all.get(id);
    }

    public int size() {
        return all.size();
    }

    /** All allocations in id order; read-only. */
    public List<Alloc> all() {
        return allView;
    }

    /** Desired stop/evict never returns to run (INV-18). */
    void setDesired(Alloc alloc, DesiredStatus next, String reason, long now) {
        if (alloc.desired().isServerTerminal() && next == DesiredStatus.RUN) {
            monitor.violation(Inv.MONOTONIC_STATES, alloc + ": desired " + alloc.desired()
                    + " returned to run");
            return;
        }
        if (alloc.desired() != next) {
            alloc.setDesired(next, reason, now);
            history.desired(alloc, reason);
        }
    }

    /** Client status along the table of {@link ClientStatus#mayBecome} (INV-18). */
    void setClient(Alloc alloc, ClientStatus next, long now) {
        if (!alloc.client().mayBecome(next)) {
            monitor.violation(Inv.MONOTONIC_STATES, alloc + ": client status " + alloc.client()
                    + " became " + next);
            return;
        }
        if (alloc.client() != next) {
            alloc.setClient(next, now);
            history.client(alloc);
        }
    }
}
