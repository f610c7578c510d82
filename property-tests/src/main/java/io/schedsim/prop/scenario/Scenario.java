package io.schedsim.prop.scenario;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.spec.RunSpec;
import java.util.List;
import java.util.Map;

/**
 * A scenario: a name, a one-line description, its knobs, and how to run one {@link RunSpec} of
 * it. The built-in scenarios, those a {@link io.schedsim.prop.scenario.custom.CustomScenario}
 * builder makes, and a user's own implementation are registered the same way (a {@link
 * io.schedsim.prop.plugin.SchedsimPlugin}) and every tool runs them through this interface.
 *
 * <p>Contract of {@link #execute}:
 * <ul>
 *   <li>Deterministic: the same spec gives the same trace hash, in any JVM, on any thread. The
 *       run draws only from the simulation's named streams, reads no wall clock (except for the
 *       result's {@code wallMillis}) and starts no thread.
 *   <li>The fault plan: {@link io.schedsim.prop.spec.FaultPlanSpec.FromSeed} draws it from the
 *       seed; {@link io.schedsim.prop.spec.FaultPlanSpec.Explicit} runs exactly that plan, and
 *       the two give the same run when the explicit plan is the one the seed draws. The outcome's
 *       {@link RunOutcome#plan()} is the plan the run had, so a shrinker starts from it.
 *   <li>The options: events go to {@link RunOptions#traceSink()} (finished at the end) when it is
 *       set; {@link RunOptions#planFromFile()} asks that a plan naming a node the run does not
 *       have be an {@link InputException} naming the action's field, before the first event.
 *   <li>The history: a scenario that {@link #writesHistory()} publishes the run's observable
 *       history (docs/history.md) to {@link RunOptions#history()} when it is set, and closes it
 *       at the end; {@link RunSpec#run} refuses a history sink for any other scenario.
 *   <li>Bad input (a config the scenario cannot build) is an {@link InputException}, one line.
 *       A scenario does not apply the spec's user checks: {@link RunSpec#run} does, after it.
 * </ul>
 */
public interface Scenario {
    /** Kebab-case, unique among the registered scenarios. */
    String name();

    /** One line, for {@code schedsim scenarios}. */
    String description();

    /** Every knob of the scenario, in the order reports print them. */
    List<Knob> knobs();

    /** Runs {@code spec}, whose scenario is this one and whose config holds these knobs. */
    RunOutcome execute(RunSpec spec, RunOptions options);

    /**
     * True if a run publishes its observable history to {@link RunOptions#history()} (and is
     * judged by the independent monitor): the built-in scenarios do; a scenario of its own model
     * has no history to give.
     */
    default boolean writesHistory() {
        return false;
    }

    /**
     * True if this scenario's expectations hold under {@code plan} although it did not draw it:
     * guided search edits plans (adds, removes, moves, retargets actions, makes them stronger)
     * and runs an edited plan only where this says yes, so that its failures are bugs, not plans
     * beyond what the scenario promises to survive (a detection bound, a killer's windows). The
     * default admits none: such a scenario is searched with the plans it draws, under new
     * orderings.
     */
    default boolean admits(FaultPlan plan, ScenarioConfig config) {
        return false;
    }

    /**
     * What this scenario promises beyond the invariants (detection bounds, no false positive),
     * as checks judged after every run of {@code config}, by {@code run} and {@code sweep} alike,
     * before the user's own; a failure is named after the scenario's id (e.g. {@code SC-12}).
     * Built from the scenario on whichever JVM runs it, so they never travel. Default: none.
     */
    default List<io.schedsim.prop.spec.UserCheck> expectations(ScenarioConfig config) {
        return List.of();
    }

    /** What a run of {@code config} holds in memory, estimated before it is built. */
    default Footprint footprint(ScenarioConfig config) {
        return Footprint.SMALL;
    }

    /** Configs one step smaller than {@code config}, for the shrinker; smallest change first. */
    default List<ScenarioConfig> simplerConfigs(ScenarioConfig config) {
        return List.of();
    }

    /** Every knob at its default. */
    default ScenarioConfig defaults() {
        return ScenarioConfig.defaults(this);
    }

    /** The knob called {@code key}, by its name or a former name; null if there is none. */
    default Knob knob(String key) {
        for (Knob knob : knobs()) {
            if (knob.answersTo(key)) {
                return knob;
            }
        }
        return null;
    }

    /** The defaults overridden by {@code --set} texts, each parsed and validated. */
    default ScenarioConfig configWith(Map<String, String> overrides) {
        return defaults().withAll(overrides);
    }
}
