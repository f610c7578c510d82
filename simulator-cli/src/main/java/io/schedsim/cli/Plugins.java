package io.schedsim.cli;

import io.schedsim.prop.plugin.BuiltInPlugin;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.plugin.SchedsimPlugin;
import io.schedsim.prop.scenario.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Which plugins the CLI's registries hold: the built-ins (unless tests leave them out), plugin
 * classes named here (tests, and a fresh JVM that must see what its parent saw), then every
 * plugin {@link ServiceLoader} finds in the command's class loader ({@code --classpath}).
 *
 * @param builtIns whether the registry holds the built-in scenarios and bug zoo
 * @param classNames {@link SchedsimPlugin} classes, instantiated from the command's loader
 */
public record Plugins(boolean builtIns, List<String> classNames) {
    /** System property: comma-separated plugin classes to add (tests, fresh JVMs). */
    public static final String PROPERTY = "schedsim.plugins";
    /** System property: {@code false} leaves the built-ins out (tests of listings). */
    public static final String BUILT_INS_PROPERTY = "schedsim.builtins";
    /** The built-ins and what the class path registers. */
    public static final Plugins STANDARD = new Plugins(true, List.of());

    public Plugins {
        classNames = List.copyOf(classNames);
    }

    /** The plugins the system properties name, on top of the standard ones. */
    public static Plugins fromSystemProperties() {
        String named = System.getProperty(PROPERTY, "");
        List<String> classes = new ArrayList<>();
        for (String name : named.split(",")) {
            if (!name.isBlank()) {
                classes.add(name.strip());
            }
        }
        return new Plugins(!"false".equals(System.getProperty(BUILT_INS_PROPERTY)), classes);
    }

    /** The registry of these plugins in {@code loader}. */
    public Registry registry(ClassLoader loader) {
        List<SchedsimPlugin> plugins = new ArrayList<>();
        if (builtIns) {
            plugins.add(new BuiltInPlugin());
        }
        for (String name : classNames) {
            plugins.add(instantiate(name, loader));
        }
        try {
            for (SchedsimPlugin plugin : ServiceLoader.load(SchedsimPlugin.class, loader)) {
                plugins.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new InputException("--classpath: " + e.getMessage());
        }
        return Registry.of(loader, plugins);
    }

    /** The {@code -D} options that give a child JVM these plugins. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        if (!classNames.isEmpty()) {
            options.add("-D" + PROPERTY + "=" + String.join(",", classNames));
        }
        if (!builtIns) {
            options.add("-D" + BUILT_INS_PROPERTY + "=false");
        }
        return options;
    }

    private static SchedsimPlugin instantiate(String name, ClassLoader loader) {
        try {
            return (SchedsimPlugin) Class.forName(name, true, loader).getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + name
                    + ": not a loadable SchedsimPlugin (" + e + ")", e);
        }
    }
}
