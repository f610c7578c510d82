package io.schedsim.cli;

import io.schedsim.model.ModelComponents;
import io.schedsim.prop.plugin.SchedsimPlugin;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.Variant;
import java.util.List;

/** Test scenarios and variants; public with a no-argument constructor so a fresh JVM loads it. */
public final class FakePlugin implements SchedsimPlugin {
    @Override
    public List<Scenario> scenarios() {
        return List.of(new FakeScenario(), new FlakyScenario());
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.of("always-violates", "Reports one violation", ModelComponents.defaults())
                        .withScenario("fake-cluster").withGuard("INV-1"),
                Variant.of("check-fails", "Fails a model check at the third event",
                        ModelComponents.defaults()).withScenario("fake-cluster"));
    }
}
