package io.schedsim.fault.inject;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import java.util.ArrayList;
import java.util.List;

/** A simulation, a fake cluster and an injector for one plan, plus timed test hooks. */
final class Harness {
    final Simulation simulation = new Simulation(1);
    final FakeClusterControl cluster;
    final FaultInjector injector;
    private final List<Runnable> hooks = new ArrayList<>();
    private final int hookKind;

    Harness(int nodeCount, int[] headSlots, FaultAction... actions) {
        cluster = new FakeClusterControl(simulation, nodeCount, headSlots);
        injector = FaultInjector.install(simulation, cluster, FaultPlan.of(actions));
        hookKind = simulation.registerKind("test-hook",
                (entity, payload) -> hooks.get(entity).run());
    }

    /** Runs {@code hook} at {@code atMillis}, after any fault scheduled for the same instant. */
    Harness at(long atMillis, Runnable hook) {
        hooks.add(hook);
        simulation.schedule(SimTime.millis(atMillis), hookKind, hooks.size() - 1, 0);
        return this;
    }

    Harness runUntil(long millis) {
        simulation.runUntil(SimTime.millis(millis));
        return this;
    }

    FaultLedger ledger() {
        return injector.ledger();
    }

    static int[] heads(int... slots) {
        return slots;
    }
}
