package io.schedsim.cli;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Replay files for CLI tests: SC-2 on three nodes with no eligibility flips and one {@code drain
 * -ignore-system} of node 0 at 60 s. Under the variant {@code ignore-system-ignored} the drain
 * stops node 0's system allocation (INV-7); under the correct model nothing is violated.
 */
final class ReplayFixtures {
    static final String SCENARIO = "nomad-drain-ignore-system";
    static final String VARIANT = "ignore-system-ignored";
    static final Registry REGISTRY = Registry.builtIn();

    private ReplayFixtures() {}

    static FaultPlan drainPlan() {
        return FaultPlan.of(Drain.deadline(60_000, 0, 30_000, true));
    }

    /** The spec of the fixture: seed 7, the drain plan, {@code variant} (null: correct). */
    static RunSpec spec(String variant) {
        return RunSpec.of(REGISTRY.scenario(SCENARIO)).withSeed(7)
                .withSettings(Map.of("nodes", "3", "flips", "0"))
                .withVariant(REGISTRY.variant(variant)).withPlan(drainPlan());
    }

    static Path write(Path file, String variant, ReplayFile.Expected expected) throws IOException {
        return ReplayFiles.write(ReplayFile.of(spec(variant), expected, null), REGISTRY, file);
    }
}
