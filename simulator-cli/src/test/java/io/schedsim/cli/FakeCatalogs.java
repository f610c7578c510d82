package io.schedsim.cli;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugVariant;
import java.util.List;

/** Test catalogs; public with a no-argument constructor so a fresh JVM can load it by name. */
public final class FakeCatalogs implements Catalogs {
    private static final List<ScenarioDefinition> SCENARIOS =
            List.of(new FakeScenario(), new FlakyScenario());
    private static final List<BugVariant> VARIANTS = List.of(
            new BugVariant("always-violates", "Reports one violation"),
            new BugVariant("check-fails", "Fails a model check at the third event"));

    @Override
    public List<ScenarioDefinition> scenarios() {
        return SCENARIOS;
    }

    @Override
    public ScenarioDefinition scenario(String name) {
        return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new InputException("unknown scenario '" + name + "'"));
    }

    @Override
    public List<BugVariant> variants() {
        return VARIANTS;
    }

    @Override
    public BugVariant variant(String name) {
        if (name == null) {
            return null;
        }
        return VARIANTS.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new InputException("--variant: unknown variant '" + name + "'"));
    }
}
