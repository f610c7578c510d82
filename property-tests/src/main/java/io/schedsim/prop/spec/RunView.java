package io.schedsim.prop.spec;

import io.schedsim.fault.inject.FaultLedger;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistoryEvent;
import io.schedsim.model.node.NodeEvent;
import io.schedsim.model.state.StateView;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A finished run as a {@link UserCheck} reads it: the spec it ran, its result (exactly what
 * {@code run --json} prints), the final state of the servers (nodes, allocations, jobs; read
 * only), the node events in order, the plan it ran and the fault ledger. Nothing here changes
 * the run; a check sees the same view on every engine.
 */
public final class RunView {
    private final RunSpec spec;
    private final RunOutcome outcome;

    public RunView(RunSpec spec, RunOutcome outcome) {
        this.spec = spec;
        this.outcome = outcome;
    }

    /** The run's identity: scenario, config, seed, variant, plan source, ordering, checks. */
    public RunSpec spec() {
        return spec;
    }

    public RunResult result() {
        return outcome.result();
    }

    /** The final state of the servers; null for a scenario that builds no model cluster. */
    public StateView state() {
        return outcome.cluster() == null ? null : outcome.cluster().state();
    }

    /** Node status, eligibility and drain changes in the order they happened; read only. */
    public List<NodeEvent> nodeEvents() {
        return outcome.cluster() == null ? List.of()
                : Collections.unmodifiableList(outcome.cluster().nodeEvents());
    }

    /** The exact fault plan the run had (drawn from the seed, or given). */
    public FaultPlan plan() {
        return outcome.plan();
    }

    /** What each fault did: fired, skipped, which nodes it touched; null without a model. */
    public FaultLedger ledger() {
        return outcome.ledger();
    }

    /**
     * The run's observable history (docs/history.md), when the run recorded one; empty until
     * runs record their history for the independent monitor.
     */
    public Optional<List<HistoryEvent>> history() {
        return Optional.empty();
    }
}
