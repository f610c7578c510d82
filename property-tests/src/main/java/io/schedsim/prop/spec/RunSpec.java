package io.schedsim.prop.spec;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run, as one value: the scenario, its config, the seed, the model (a {@link Variant}), where
 * the fault plan comes from, the same-time ordering, and the user checks judged after it. Equal
 * specs give byte-identical traces. The search, the shrinker, replay files, JUnit, notebooks and
 * the CLI all pass these; {@link RunSpecJson} writes one as JSON (by name and provider) and reads
 * it back through a registry.
 * <pre>{@code
 * RunSpec.of(scenario).withSeed(5).withVariant(myDrainer).with("nodes", 4).run().result()
 * }</pre>
 */
public record RunSpec(Scenario scenario, ScenarioConfig config, long seed, Variant variant,
        FaultPlanSpec faultPlan, OrderingSpec ordering, List<UserCheck> checks) {

    public RunSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(faultPlan, "faultPlan");
        Objects.requireNonNull(ordering, "ordering");
        if (!config.scenario().equals(scenario.name())) {
            throw new IllegalArgumentException("config of " + config.scenario()
                    + " given to scenario " + scenario.name());
        }
        checks = List.copyOf(checks);
    }

    /** {@code scenario} at its defaults, seed 1, the correct model, plan from the seed, FIFO. */
    public static RunSpec of(Scenario scenario) {
        return new RunSpec(scenario, scenario.defaults(), 1, Variant.CORRECT,
                FaultPlanSpec.FROM_SEED, OrderingSpec.FIFO, List.of());
    }

    public RunSpec withConfig(ScenarioConfig next) {
        return new RunSpec(scenario, next, seed, variant, faultPlan, ordering, checks);
    }

    /** This spec with one knob set (by its name or a former one), validated at once. */
    public RunSpec with(String knob, Object value) {
        return withConfig(config.with(knob, value));
    }

    /** This spec with {@code --set} texts applied. */
    public RunSpec withSettings(Map<String, String> overrides) {
        return withConfig(config.withAll(overrides));
    }

    public RunSpec withSeed(long next) {
        return new RunSpec(scenario, config, next, variant, faultPlan, ordering, checks);
    }

    /** This spec on {@code next}; null means the correct model. */
    public RunSpec withVariant(Variant next) {
        return new RunSpec(scenario, config, seed, next == null ? Variant.CORRECT : next,
                faultPlan, ordering, checks);
    }

    public RunSpec withFaultPlan(FaultPlanSpec next) {
        return new RunSpec(scenario, config, seed, variant, next, ordering, checks);
    }

    /** This spec running exactly {@code plan}. */
    public RunSpec withPlan(FaultPlan plan) {
        return withFaultPlan(FaultPlanSpec.explicit(plan));
    }

    public RunSpec withOrdering(OrderingSpec next) {
        return new RunSpec(scenario, config, seed, variant, faultPlan, next, checks);
    }

    public RunSpec withChecks(List<UserCheck> next) {
        return new RunSpec(scenario, config, seed, variant, faultPlan, ordering, next);
    }

    /** This spec with {@code check} judged after its existing checks. */
    public RunSpec withCheck(UserCheck check) {
        List<UserCheck> next = new ArrayList<>(checks);
        next.add(Objects.requireNonNull(check, "check"));
        return withChecks(next);
    }

    /** The variant's name, or null for the correct model (as results and reports say it). */
    public String variantName() {
        return variant.isCorrect() ? null : variant.name();
    }

    /** The explicit plan, or null when the plan comes from the seed. */
    public FaultPlan explicitPlan() {
        return faultPlan instanceof FaultPlanSpec.Explicit explicit ? explicit.plan() : null;
    }

    /** Runs this spec: no trace, a plan the search derived. */
    public RunOutcome run() {
        return run(RunOptions.NONE);
    }

    /**
     * Runs this spec: refuses a history sink for a scenario that writes no history and a config
     * too big for this JVM's heap, runs the scenario, then judges the user checks in order (only
     * a run without violation is judged); each failing check is a violation named after it, at
     * the run's end.
     */
    public RunOutcome run(RunOptions options) {
        if (options.history() != null && !scenario.writesHistory()) {
            throw new InputException("--history: scenario " + scenario.name()
                    + " cannot write a history");
        }
        Footprint.check(scenario, config);
        // A user check may read the history (RunView.history()): kept only when one could.
        boolean judged = !checks.isEmpty() || !scenario.expectations(config).isEmpty();
        List<HistoryEvent> history = !judged || !scenario.writesHistory() ? null
                : new ArrayList<>();
        RunOptions run = history == null ? options : options.withHistory(HistorySink.both(
                history::add, options.history() == null ? HistorySink.NONE : options.history()));
        RunOutcome outcome = scenario.execute(this, run);
        return UserChecks.judge(this, outcome, history);
    }

    /** One line: {@code chaos-swarm seed 5 variant my-drainer plan explicit(3 actions) ...}. */
    @Override
    public String toString() {
        List<String> names = checks.stream().map(UserCheck::name).toList();
        return scenario.name() + " seed " + seed + " variant "
                + (variant.isCorrect() ? "(correct)" : variant.name()) + " plan "
                + faultPlan.describe() + " ordering " + ordering.describe() + " checks " + names
                + " config " + config;
    }
}
