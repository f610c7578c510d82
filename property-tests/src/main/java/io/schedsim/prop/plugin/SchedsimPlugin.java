package io.schedsim.prop.plugin;

import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.util.List;

/**
 * What a jar adds to schedsim: scenarios, variants (model components) and user checks, found with
 * {@link java.util.ServiceLoader}. Register the class in {@code
 * META-INF/services/io.schedsim.prop.plugin.SchedsimPlugin}; then {@code --classpath JAR} (or the
 * test class path) makes every tool see its contents by name:
 * <pre>{@code
 * public final class MyPlugin implements SchedsimPlugin {
 *     public List<Variant> variants() {
 *         return List.of(Variant.of("my-drainer", "drains without waiting",
 *                 ModelComponents.defaults().withDrainer(MyDrainer::new)));
 *     }
 * }
 * }</pre>
 *
 * <p>Contract: a public class with a public no-argument constructor (a replay file names it as
 * the provider of what it registers, and another JVM instantiates it by that name). Its lists are
 * the same, in the same order, every time and in every JVM; names are unique among everything
 * registered (the built-ins included: a clash is an error naming both providers). Building the
 * lists must be cheap and must not start runs: a registry is built for every command.
 */
public interface SchedsimPlugin {
    default List<Scenario> scenarios() {
        return List.of();
    }

    default List<Variant> variants() {
        return List.of();
    }

    default List<UserCheck> checks() {
        return List.of();
    }
}
