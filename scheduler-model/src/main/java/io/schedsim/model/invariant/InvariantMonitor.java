package io.schedsim.model.invariant;

import io.schedsim.core.event.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects invariant violations as events happen. Model code checks a safety invariant at the
 * transition that could break it and reports here; by default the first violation stops the run,
 * so the report names the event that broke it. Liveness invariants are reported the same way by
 * the end-of-run checks.
 */
public final class InvariantMonitor {
    private final Simulation simulation;
    private final boolean stopOnViolation;
    private final List<Violation> violations = new ArrayList<>();

    public InvariantMonitor(Simulation simulation, boolean stopOnViolation) {
        this.simulation = simulation;
        this.stopOnViolation = stopOnViolation;
    }

    /** Records a violation of {@code invariant} at the event being dispatched now. */
    public void violation(String invariant, String message) {
        long eventIndex = Math.max(0, simulation.eventCount() - 1);
        violations.add(new Violation(invariant, eventIndex, simulation.nowNanos(), message));
        if (stopOnViolation) {
            simulation.requestStop();
        }
    }

    /**
     * Returns {@code condition}; records a violation when it is false. The message is built even
     * when the condition holds, so use this only off the hot path (end-of-run checks).
     */
    public boolean expect(boolean condition, String invariant, String message) {
        if (!condition) {
            violation(invariant, message);
        }
        return condition;
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean violated() {
        return !violations.isEmpty();
    }
}
