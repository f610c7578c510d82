package io.schedsim.prop.zoo;

import static io.schedsim.model.ModelComponents.defaults;

import io.schedsim.model.ModelComponents;
import io.schedsim.prop.scenario.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bug-zoo variants: each is the correct {@link ModelComponents} with exactly one component
 * replaced by a wrong one, registered by constructor reference; the correct model is not one of
 * them. Each must be found by a {@code chaos-swarm} search.
 */
public final class BugZoo {
    private static final List<BugVariant> VARIANTS = List.of(
            new BugVariant("stale-drainer-eligibility",
                    "drainer writes a node's eligibility back from a stale read (INV-3)",
                    defaults().withDrainer(StaleEligibilityDrainer::new)),
            new BugVariant("no-commit-gate",
                    "plan applier does not re-check the placement gate at commit (INV-1)",
                    defaults().withPlanApplier(UngatedPlanApplier::new)),
            new BugVariant("leak-on-node-death",
                    "node death does not release its allocations' resources (INV-17)",
                    defaults().withPlanApplier(LeakingPlanApplier::new)),
            new BugVariant("double-counted-node-loss",
                    "tasks lost with their node are counted twice as retries (INV-19)",
                    defaults().withRetryPolicy(context -> DoubleCountingRetryPolicy.INSTANCE)),
            new BugVariant("ignore-system-ignored",
                    "drain -ignore-system still stops system allocations (INV-7)",
                    defaults().withDrainer(SystemStoppingDrainer::new)),
            new BugVariant("per-node-max-parallel",
                    "migrate max_parallel counted per draining node, not per job (INV-4)",
                    defaults().withDrainer(PerNodePacingDrainer::new)),
            new BugVariant("batch-replaced-after-deadline",
                    "batch allocations stopped at a drain deadline get replaced (INV-6)",
                    defaults().withScheduler(BatchReplacingScheduler::new)),
            new BugVariant("drain-done-on-server-stop",
                    "drain completes when the servers stop allocations, not when clients"
                            + " report them terminal (INV-8)",
                    defaults().withDrainer(ServerStopDrainer::new)));

    private BugZoo() {}

    public static List<BugVariant> all() {
        return VARIANTS;
    }

    /** The variant called {@code name}; null stays null (the correct model). */
    public static BugVariant find(String name) {
        if (name == null) {
            return null;
        }
        for (BugVariant variant : VARIANTS) {
            if (variant.name().equals(name)) {
                return variant;
            }
        }
        List<String> names = new ArrayList<>();
        VARIANTS.forEach(v -> names.add(v.name()));
        throw new InputException("--variant: unknown variant '" + name + "' (known: "
                + String.join(", ", names) + ")");
    }
}
