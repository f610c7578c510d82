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
    private final List<HistoryEvent> history;

    public RunView(RunSpec spec, RunOutcome outcome) {
        this(spec, outcome, null);
    }

    /** A view of a run that kept its observable {@code history} (null: none). */
    public RunView(RunSpec spec, RunOutcome outcome, List<HistoryEvent> history) {
        this.spec = spec;
        this.outcome = outcome;
        this.history = history == null ? null : Collections.unmodifiableList(history);
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
     * The run's observable history (docs/history.md), the events the independent monitor judged;
     * empty for a scenario that writes no history. {@link RunSpec#run} keeps it only for a spec
     * with user checks.
     */
    public Optional<List<HistoryEvent>> history() {
        return Optional.ofNullable(history);
    }
}
