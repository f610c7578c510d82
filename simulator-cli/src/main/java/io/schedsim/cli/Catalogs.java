package io.schedsim.cli;

import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugVariant;
import io.schedsim.prop.zoo.BugZoo;
import java.util.List;

/**
 * Where the CLI looks up scenarios and bug-zoo variants. The built-in catalogs are the default;
 * tests (and {@code -Dschedsim.catalogs=CLASS}, see {@link #fromSystemProperty}) plug in others.
 *
 * <p>Lookups throw {@link io.schedsim.prop.scenario.InputException} naming the unknown name.
 */
public interface Catalogs {
    /** System property naming a {@code Catalogs} class with a public no-argument constructor. */
    String PROPERTY = "schedsim.catalogs";

    List<ScenarioDefinition> scenarios();

    /** The scenario called {@code name}; never null. */
    ScenarioDefinition scenario(String name);

    List<BugVariant> variants();

    /** The variant called {@code name}; null for a null name (the correct model). */
    BugVariant variant(String name);

    /** {@link ScenarioCatalog} and {@link BugZoo}. */
    static Catalogs builtIn() {
        return BuiltInCatalogs.INSTANCE;
    }

    /** The class named by {@value #PROPERTY} when it is set, otherwise {@link #builtIn()}. */
    static Catalogs fromSystemProperty() {
        String className = System.getProperty(PROPERTY);
        if (className == null || className.isBlank()) {
            return builtIn();
        }
        try {
            return (Catalogs) Class.forName(className.trim()).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + className
                    + ": not a loadable Catalogs class (" + e + ")", e);
        }
    }

    /** The built-in catalogs, owned by property-tests. */
    enum BuiltInCatalogs implements Catalogs {
        INSTANCE;

        @Override
        public List<ScenarioDefinition> scenarios() {
            return ScenarioCatalog.all();
        }

        @Override
        public ScenarioDefinition scenario(String name) {
            return ScenarioCatalog.find(name);
        }

        @Override
        public List<BugVariant> variants() {
            return BugZoo.all();
        }

        @Override
        public BugVariant variant(String name) {
            return BugZoo.find(name);
        }
    }
}
