package io.schedsim.fault.inject;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.fault.plan.VictimChoice;
import io.schedsim.model.ClusterControl;
import io.schedsim.model.KillerRules;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;

/**
 * Drives a fault plan through a simulation. {@link #install} registers the event kind
 * {@value #EVENT_KIND} and schedules every action at its time (entity = action index, payload =
 * phase), so actions at the same instant are scheduled in plan order. When an action fires, its
 * targets are resolved against the live cluster and it acts only through {@link ClusterControl};
 * lasting actions schedule their own end. Every action ends up in the {@link FaultLedger} as fired
 * or skipped (with a reason): {@link #finish()} closes the ones the run never reached.
 *
 * <p>One injector per simulation (the event kind is registered once); to combine plans, merge
 * them with {@link FaultPlan#plus} first. A plan that is the chaos killer's ({@code KillerPlan},
 * SC-1) is installed with {@code killerPlan} set, so its host terminations reach the cluster as
 * the killer's ({@link ClusterControl#terminateHostByKiller}), which INV-20 judges.
 */
public final class FaultInjector {
    public static final String EVENT_KIND = "fault";
    static final long PHASE_START = 0;
    static final long PHASE_END = 1;
    static final long PHASE_RECHECK = 2;
    private static final long NO_HANDLE = Long.MIN_VALUE;

    private final Simulation simulation;
    private final ClusterControl control;
    private final FaultPlan plan;
    private final FaultLedger ledger;
    private final DurationEffects effects;
    private final DownNodes downNodes = new DownNodes();
    private final ClockOffsets clockOffsets = new ClockOffsets();
    private final ActionFirer firer;
    private final long[] pendingHandle;
    private final long[] endHandle;
    private final boolean[] resolved;
    private int eventKind;

    private FaultInjector(Simulation simulation, ClusterControl control, FaultPlan plan,
            boolean killerPlan, KillerRules rules) {
        this.simulation = simulation;
        this.control = control;
        this.plan = plan;
        this.ledger = new FaultLedger(plan.size());
        this.effects = new DurationEffects(control, ledger);
        this.firer = new ActionFirer(control, ledger, downNodes, clockOffsets, killerPlan,
                rules);
        this.pendingHandle = new long[plan.size()];
        this.endHandle = new long[plan.size()];
        this.resolved = new boolean[plan.size()];
        Arrays.fill(pendingHandle, NO_HANDLE);
        Arrays.fill(endHandle, NO_HANDLE);
    }

    /**
     * Registers the fault event kind and schedules every action. An action planned before the
     * simulation's current time fires at once (at the current time).
     */
    public static FaultInjector install(Simulation simulation, ClusterControl control,
            FaultPlan plan) {
        return install(simulation, control, plan, false);
    }

    /** As {@link #install(Simulation, ClusterControl, FaultPlan)}; see the class comment. */
    public static FaultInjector install(Simulation simulation, ClusterControl control,
            FaultPlan plan, boolean killerPlan) {
        return install(simulation, control, plan, killerPlan, KillerRules.RAY);
    }

    /** As above, with the killer's victim rules ({@code ModelComponents.killer()}). */
    public static FaultInjector install(Simulation simulation, ClusterControl control,
            FaultPlan plan, boolean killerPlan, KillerRules rules) {
        FaultInjector injector = new FaultInjector(simulation, control, plan, killerPlan, rules);
        injector.eventKind = simulation.registerKind(EVENT_KIND, injector::onEvent);
        for (int index = 0; index < plan.size(); index++) {
            long plannedNanos = SimTime.millis(plan.get(index).atMillis());
            long atNanos = Math.max(simulation.nowNanos(), plannedNanos);
            injector.pendingHandle[index] =
                    simulation.schedule(atNanos, injector.eventKind, index, PHASE_START);
        }
        return injector;
    }

    public FaultLedger ledger() {
        return ledger;
    }

    public FaultPlan plan() {
        return plan;
    }

    /**
     * Records every action that has not fired yet as skipped ("not reached") and cancels its
     * event; call once the run is over. Afterwards {@code ledger().unresolved() == 0}.
     */
    public void finish() {
        closePending("not reached: run ended at t=" + SimTime.format(simulation.nowNanos()));
    }

    private void onEvent(int index, long phase) {
        FaultAction action = plan.get(index);
        if (phase == PHASE_END) {
            endHandle[index] = NO_HANDLE;
            List<Integer> nodes = effects.end(index);
            entries(index, action, nodes, Outcome.ENDED, "planned end");
            return;
        }
        pendingHandle[index] = NO_HANDLE;
        Firing firing = action.durationMillis() != 0
                ? effects.start(index, action) : firer.fire(action);
        if (firing.result() == Firing.Result.RECHECK) {
            recheckOrSkip(index, (VictimChoice) action, firing);
            return;
        }
        if (firing.result() == Firing.Result.SKIPPED) {
            skip(index, firing.nodes(), firing.detail());
            return;
        }
        resolved[index] = true;
        ledger.countFired(action.kind());
        entries(index, action, firing.nodes(), Outcome.FIRED, firing.detail());
        if (action.durationMillis() > 0) {
            endHandle[index] = simulation.schedule(
                    SimTime.millis(action.endMillis()), eventKind, index, PHASE_END);
        }
    }

    private void recheckOrSkip(int index, VictimChoice action, Firing firing) {
        long nextMillis = SimTime.toMillis(simulation.nowNanos())
                + TerminateInstance.RECHECK_INTERVAL_MILLIS;
        if (nextMillis > action.recheckUntilMillis()) {
            skip(index, List.of(), "no eligible victim: " + firing.detail());
            return;
        }
        entries(index, plan.get(index), List.of(), Outcome.RECHECK, firing.detail());
        pendingHandle[index] = simulation.schedule(
                SimTime.millis(nextMillis), eventKind, index, PHASE_RECHECK);
    }

    private void skip(int index, List<Integer> nodes, String reason) {
        FaultAction action = plan.get(index);
        resolved[index] = true;
        ledger.countSkipped(action.kind());
        entries(index, action, nodes, Outcome.SKIPPED, reason);
    }

    private void entries(int index, FaultAction action, List<Integer> nodes, Outcome outcome,
            String detail) {
        long nowMillis = SimTime.toMillis(simulation.nowNanos());
        if (nodes.isEmpty()) {
            ledger.add(new LedgerEntry(nowMillis, index, action.kind(), LedgerEntry.NO_NODE,
                    outcome, detail));
            return;
        }
        for (int node : nodes) {
            ledger.add(new LedgerEntry(nowMillis, index, action.kind(), node, outcome, detail));
        }
    }

    /** Skips every action not yet resolved, cancelling its pending start or re-check. */
    void closePending(String reason) {
        for (int index = 0; index < plan.size(); index++) {
            if (resolved[index]) {
                continue;
            }
            if (pendingHandle[index] != NO_HANDLE) {
                simulation.cancel(pendingHandle[index]);
                pendingHandle[index] = NO_HANDLE;
            }
            skip(index, List.of(), reason);
        }
    }

    /** Heal: cancels planned ends and lifts every lasting fault; returns what it lifted. */
    SortedSet<Integer> liftAll() {
        for (int index = 0; index < plan.size(); index++) {
            if (endHandle[index] != NO_HANDLE) {
                simulation.cancel(endHandle[index]);
                endHandle[index] = NO_HANDLE;
            }
        }
        SortedSet<Integer> lifted = effects.healAll(simulation.nowNanos());
        for (int index : lifted) {
            entries(index, plan.get(index), List.of(), Outcome.ENDED, "lifted by heal");
        }
        return lifted;
    }

    Simulation simulation() {
        return simulation;
    }

    ClusterControl control() {
        return control;
    }

    DownNodes downNodes() {
        return downNodes;
    }

    ClockOffsets clockOffsets() {
        return clockOffsets;
    }
}
