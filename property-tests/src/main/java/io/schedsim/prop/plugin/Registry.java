package io.schedsim.prop.plugin;

import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Every scenario, variant and user check a run can name: the built-ins, then each {@link
 * SchedsimPlugin} found with {@link ServiceLoader} in a class loader, in class-path order. Looks
 * them up by name (what the command line gives) or by name and provider class (what a replay file
 * records), with one-line {@link InputException}s naming what is missing. Immutable; lists keep
 * registration order, so listings and lookups never depend on hashing.
 */
public final class Registry {
    private final ClassLoader loader;
    private final List<Entry<Scenario>> scenarios;
    private final List<Entry<Variant>> variants;
    private final List<Entry<UserCheck>> checks;
    private final List<SchedsimPlugin> plugins;

    /** One registered item and the plugin class that registered it (null: given directly). */
    private record Entry<T>(String name, T item, String provider) {}

    private Registry(ClassLoader loader, List<SchedsimPlugin> plugins,
            List<Entry<Scenario>> scenarios, List<Entry<Variant>> variants,
            List<Entry<UserCheck>> checks) {
        this.loader = loader;
        this.plugins = List.copyOf(plugins);
        this.scenarios = List.copyOf(scenarios);
        this.variants = List.copyOf(variants);
        this.checks = List.copyOf(checks);
    }

    /** The built-in scenarios and bug zoo only. */
    public static Registry builtIn() {
        return of(Registry.class.getClassLoader(), List.of(new BuiltInPlugin()));
    }

    /** The built-ins and every plugin {@link ServiceLoader} finds in {@code loader}. */
    public static Registry load(ClassLoader loader) {
        List<SchedsimPlugin> found = new ArrayList<>();
        found.add(new BuiltInPlugin());
        try {
            for (SchedsimPlugin plugin : ServiceLoader.load(SchedsimPlugin.class, loader)) {
                found.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new InputException("plugin: " + e.getMessage());
        }
        return of(loader, found);
    }

    /** {@link #load(ClassLoader)} on this thread's context class loader. */
    public static Registry load() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : Registry.class.getClassLoader());
    }

    /**
     * Exactly {@code plugins} (list a {@link BuiltInPlugin} for the built-ins), resolving
     * providers named in files through {@code loader}.
     */
    public static Registry of(ClassLoader loader, List<? extends SchedsimPlugin> plugins) {
        Registry registry = new Registry(loader, List.of(), List.of(), List.of(), List.of());
        for (SchedsimPlugin plugin : plugins) {
            registry = registry.plus(plugin);
        }
        return registry;
    }

    /** This registry and what {@code plugin} registers; a name already taken is an error. */
    public Registry plus(SchedsimPlugin plugin) {
        String provider = plugin.getClass().getName();
        List<SchedsimPlugin> morePlugins = new ArrayList<>(plugins);
        morePlugins.add(plugin);
        return new Registry(loader, morePlugins,
                added(scenarios, plugin.scenarios(), Scenario::name, provider, "scenario"),
                added(variants, stamped(plugin.variants(), provider), Variant::name, provider,
                        "variant"),
                added(checks, plugin.checks(), UserCheck::name, provider, "check"));
    }

    /**
     * This registry and items given directly rather than by a plugin (a test's own variant or
     * check): their provider is null, and a name this registry knows already keeps its entry.
     */
    public Registry withLocal(List<Scenario> localScenarios, List<Variant> localVariants,
            List<UserCheck> localChecks) {
        return new Registry(loader, plugins,
                local(scenarios, localScenarios, Scenario::name),
                local(variants, localVariants.stream().filter(v -> !v.isCorrect()).toList(),
                        Variant::name),
                local(checks, localChecks, UserCheck::name));
    }

    public ClassLoader classLoader() {
        return loader;
    }

    public List<Scenario> scenarios() {
        return items(scenarios);
    }

    /** The registered variants, each with its provider set. */
    public List<Variant> variants() {
        return items(variants);
    }

    public List<UserCheck> checks() {
        return items(checks);
    }

    /** The scenario called {@code name}. */
    public Scenario scenario(String name) {
        return find(scenarios, name, "unknown scenario '" + name + "'");
    }

    /** The variant called {@code name}; null means the correct model. */
    public Variant variant(String name) {
        return name == null ? Variant.CORRECT
                : find(variants, name, "--variant: unknown variant '" + name + "'");
    }

    /** The check called {@code name}. */
    public UserCheck check(String name) {
        return find(checks, name, "unknown check '" + name + "'");
    }

    /** The scenario {@code name} that {@code provider} registers (by name alone when null). */
    public Scenario scenario(String name, String provider) {
        return provider == null ? scenario(name)
                : lookup(name, provider, "scenario", p -> p.scenarios(), Scenario::name);
    }

    /** The variant {@code name} that {@code provider} registers (by name alone when null). */
    public Variant variant(String name, String provider) {
        return provider == null ? variant(name) : lookup(name, provider, "variant",
                p -> stamped(p.variants(), provider), Variant::name);
    }

    /** The check {@code name} that {@code provider} registers (by name alone when null). */
    public UserCheck check(String name, String provider) {
        return provider == null ? check(name)
                : lookup(name, provider, "check", p -> p.checks(), UserCheck::name);
    }

    /** The plugin class that registered {@code scenario} (or one of its name and class). */
    public String providerOf(Scenario scenario) {
        return providerOf(scenarios, scenario, scenario.name());
    }

    /** The plugin class that registered {@code check} (or one of its name and class). */
    public String providerOf(UserCheck check) {
        return providerOf(checks, check, check.name());
    }

    private static <T> String providerOf(List<Entry<T>> entries, T item, String name) {
        for (Entry<T> entry : entries) {
            boolean same = entry.item() == item || entry.item().getClass() == item.getClass();
            if (entry.name().equals(name) && same) {
                return entry.provider();
            }
        }
        return null;
    }

    private <T> T lookup(String name, String provider, String what,
            Function<SchedsimPlugin, List<T>> list, Function<T, String> nameOf) {
        List<T> items = list.apply(plugin(provider));
        for (T item : items) {
            if (nameOf.apply(item).equals(name)) {
                return item;
            }
        }
        throw new InputException("unknown " + what + " '" + name + "' in plugin " + provider
                + " (known: " + String.join(", ", items.stream().map(nameOf).toList()) + ")");
    }

    /** The registered plugin of class {@code provider}, or a new one from the class loader. */
    private SchedsimPlugin plugin(String provider) {
        for (SchedsimPlugin plugin : plugins) {
            if (plugin.getClass().getName().equals(provider)) {
                return plugin;
            }
        }
        Class<?> type;
        try {
            type = Class.forName(provider, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InputException("class " + provider + " not found (add it with --classpath)");
        }
        if (!SchedsimPlugin.class.isAssignableFrom(type)) {
            throw new InputException("class " + provider + " is not a SchedsimPlugin");
        }
        try {
            return (SchedsimPlugin) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InputException("class " + provider + ": cannot create the plugin (a "
                    + "public no-argument constructor is needed): " + e);
        }
    }

    private static List<Variant> stamped(List<Variant> list, String provider) {
        return list.stream().map(variant -> variant.withProvider(provider)).toList();
    }

    private static <T> List<Entry<T>> added(List<Entry<T>> entries, List<T> more,
            Function<T, String> nameOf, String provider, String what) {
        List<Entry<T>> all = new ArrayList<>(entries);
        for (T item : more) {
            String name = nameOf.apply(item);
            if (what.equals("variant") && name.equals(Variant.CORRECT.name())) {
                throw new InputException("variant 'correct' of plugin " + provider
                        + ": the name of the correct model; choose another");
            }
            for (Entry<T> entry : all) {
                if (entry.name().equals(name)) {
                    throw new InputException(what + " '" + name + "' is registered by both "
                            + entry.provider() + " and " + provider);
                }
            }
            all.add(new Entry<>(name, item, provider));
        }
        return all;
    }

    private static <T> List<Entry<T>> local(List<Entry<T>> entries, List<T> more,
            Function<T, String> nameOf) {
        List<Entry<T>> all = new ArrayList<>(entries);
        for (T item : more) {
            String name = nameOf.apply(item);
            if (all.stream().noneMatch(entry -> entry.name().equals(name))) {
                all.add(new Entry<>(name, item, null));
            }
        }
        return all;
    }

    private static <T> List<T> items(List<Entry<T>> entries) {
        return entries.stream().map(Entry::item).toList();
    }

    private static <T> T find(List<Entry<T>> entries, String name, String unknown) {
        for (Entry<T> entry : entries) {
            if (entry.name().equals(name)) {
                return entry.item();
            }
        }
        List<String> names = entries.stream().map(Entry::name).toList();
        throw new InputException(unknown + " (known: " + String.join(", ", names) + ")");
    }
}
