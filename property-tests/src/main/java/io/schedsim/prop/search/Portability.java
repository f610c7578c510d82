package io.schedsim.prop.search;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.UserCheck;

/**
 * Whether a search's spec can run in other JVMs: there, its scenario, variant and checks are
 * found by name and provider class, so each must be registered by a plugin (one given directly,
 * such as a check made from a lambda, exists in this JVM only).
 */
final class Portability {
    private Portability() {}

    /** Throws an {@link InputException} naming the first part that cannot travel. */
    static void require(RunSpec spec, Registry registry, String engine) {
        if (registry.providerOf(spec.scenario()) == null) {
            throw unregistered(engine, "scenario '" + spec.scenario().name() + "'");
        }
        if (!spec.variant().isCorrect() && spec.variant().provider() == null) {
            throw unregistered(engine, "variant '" + spec.variant().name() + "'");
        }
        for (UserCheck check : spec.checks()) {
            if (registry.providerOf(check) == null) {
                throw unregistered(engine, "check '" + check.name() + "'");
            }
        }
    }

    private static InputException unregistered(String engine, String what) {
        return new InputException("--engine " + engine + ": " + what + " is not registered by a "
                + "SchedsimPlugin, so other JVMs cannot find it by name (register it in "
                + "META-INF/services and pass its jar with --classpath)");
    }
}
