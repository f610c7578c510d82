package io.schedsim.prop.plugin;

import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.builtin.BuiltInScenarios;
import io.schedsim.prop.spec.Variant;
import io.schedsim.prop.zoo.BugZoo;
import java.util.List;

/**
 * The built-in scenarios (SC-1 .. SC-14, chaos-swarm) and the bug zoo as one plugin. {@link
 * Registry#load(ClassLoader)} lists it first, before the plugins {@code ServiceLoader} finds, so
 * it is not itself in {@code META-INF/services}.
 */
public final class BuiltInPlugin implements SchedsimPlugin {
    @Override
    public List<Scenario> scenarios() {
        return BuiltInScenarios.all();
    }

    @Override
    public List<Variant> variants() {
        return BugZoo.all();
    }
}
