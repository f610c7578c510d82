package io.schedsim.prop.scenario.builtin;

import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.Knob;
import java.util.List;

/**
 * The knob that picks one of a scenario's SEMANTICS cases (SC-12 a/b/c/e, SC-4 service/batch, ...).
 * It was called {@code variant}, which collided with the bug zoo's {@code --variant}; it is now
 * {@code case}, and {@code variant} stays accepted in {@code --set} and in replay files for good.
 * Only the name changed: the values, and so every trace hash, are the same.
 */
final class CaseKnob {
    static final String NAME = "case";
    static final String FORMER_NAME = "variant";

    private CaseKnob() {}

    static Knob of(String defaultValue, List<String> allowed, String description) {
        return Knob.ofChoice(NAME, defaultValue, allowed, description).formerly(FORMER_NAME);
    }

    /** The case a run's config picked. */
    static String of(ScenarioConfig config) {
        return config.stringValue(NAME);
    }
}
