package io.schedsim.prop.search;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.SpecJson;
import io.schedsim.prop.spec.RunSpec;
import java.io.Serializable;

/**
 * The spec every seed of a search starts from, as its work items carry it: JSON text (scenario,
 * variant and checks by name and provider class) that travels to other JVMs, and, in the JVM
 * that made it, the spec itself. Another JVM resolves the text through a {@link Registry} of
 * its context class loader (Spark's executors have the users' jars there), once per copy.
 */
final class SpecTemplate implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String json;
    /** Set in the JVM that made the template; resolved from {@link #json} anywhere else. */
    private transient volatile RunSpec spec;

    SpecTemplate(RunSpec spec, Registry registry) {
        this.spec = spec;
        this.json = SpecJson.write(spec, registry);
    }

    RunSpec spec() {
        RunSpec resolved = spec;
        if (resolved == null) {
            resolved = SpecJson.read(json, Registry.load());
            spec = resolved;
        }
        return resolved;
    }

    /** The spec of {@code seed}: the template at that seed, with the seed's ordering. */
    RunSpec forSeed(long seed, String orderings) {
        return spec().withSeed(seed).withOrdering(SeedOrderings.of(seed, orderings));
    }

    String json() {
        return json;
    }
}
