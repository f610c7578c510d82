package io.schedsim.fault.inject;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.ClusterControl;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Ends the fault window, after which liveness properties are checked once the cluster quiesces
 * (SEMANTICS.md §6). It skips every action that has not fired yet ("fault window closed"), lifts
 * partitions, heartbeat loss and delay and status-update chaos, sets clocks right (drift 0, net
 * jumps undone), ends stalls and slowdowns, and optionally restarts the nodes the plan brought
 * down. It is recorded as one {@value FaultLedger#HEAL_KIND} entry, never counted as fired.
 * Drains and eligibility are operator state, not faults: the heal leaves them alone.
 */
public final class HealPhase {
    public static final String EVENT_KIND = "fault-heal";

    private final FaultInjector injector;
    private final HealOptions options;
    private boolean done;

    private HealPhase(FaultInjector injector, HealOptions options) {
        this.injector = injector;
        this.options = options;
    }

    /** Registers the heal event kind and schedules the heal at {@code atMillis}. */
    public static HealPhase schedule(FaultInjector injector, long atMillis, HealOptions options) {
        HealPhase heal = new HealPhase(injector, options);
        Simulation simulation = injector.simulation();
        int kind = simulation.registerKind(EVENT_KIND, (entity, payload) -> heal.runNow());
        long atNanos = Math.max(simulation.nowNanos(), SimTime.millis(atMillis));
        simulation.post(atNanos, kind, 0, 0);
        return heal;
    }

    /** A heal that runs only when {@link #runNow()} is called. */
    public static HealPhase manual(FaultInjector injector, HealOptions options) {
        return new HealPhase(injector, options);
    }

    public boolean done() {
        return done;
    }

    /** Heals now; a second call does nothing. */
    public void runNow() {
        if (done) {
            return;
        }
        done = true;
        long nowNanos = injector.simulation().nowNanos();
        String at = SimTime.format(nowNanos);
        injector.closePending("fault window closed by heal at t=" + at);
        SortedSet<Integer> lifted = injector.liftAll();
        ClusterControl control = injector.control();
        List<Integer> clocks = injector.clockOffsets().resynchronise(control);
        List<String> restarts = new ArrayList<>();
        if (options.restartDownNodes()) {
            for (int node : injector.downNodes().stillDown(control)) {
                int joined = control.restartNode(node, options.sameIdentity());
                injector.downNodes().remove(node);
                injector.ledger().markRestarted(node);
                restarts.add(node + "->" + joined);
            }
        }
        FaultLedger ledger = injector.ledger();
        ledger.markHealed(SimTime.toMillis(nowNanos));
        ledger.add(new LedgerEntry(SimTime.toMillis(nowNanos), LedgerEntry.NO_ACTION,
                FaultLedger.HEAL_KIND, LedgerEntry.NO_NODE, Outcome.HEALED,
                "lifted actions " + lifted + ", clocks reset " + clocks
                        + ", restarted " + restarts));
    }
}
