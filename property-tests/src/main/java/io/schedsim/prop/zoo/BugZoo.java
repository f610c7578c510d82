package io.schedsim.prop.zoo;

import io.schedsim.model.ModelComponents;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.sched.PlanApplier;
import io.schedsim.model.sched.Scheduler;
import io.schedsim.model.task.RetryPolicy;
import io.schedsim.prop.scenario.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bug-zoo variants: each replaces exactly one component through {@link ModelComponents};
 * the correct model is not one of them. Each must be found by a {@code chaos-swarm} search.
 */
public final class BugZoo {
    private static final List<BugVariant> VARIANTS = List.of(
            new BugVariant("stale-drainer-eligibility",
                    "drainer writes a node's eligibility back from a stale read (INV-3)",
                    new ModelComponents() {
                        @Override
                        public Drainer drainer(ModelContext context) {
                            return new StaleEligibilityDrainer(context);
                        }
                    }),
            new BugVariant("no-commit-gate",
                    "plan applier does not re-check the placement gate at commit (INV-1)",
                    new ModelComponents() {
                        @Override
                        public PlanApplier planApplier(ModelContext context) {
                            return new UngatedPlanApplier(context);
                        }
                    }),
            new BugVariant("leak-on-node-death",
                    "node death does not release its allocations' resources (INV-17)",
                    new ModelComponents() {
                        @Override
                        public PlanApplier planApplier(ModelContext context) {
                            return new LeakingPlanApplier(context);
                        }
                    }),
            new BugVariant("double-counted-node-loss",
                    "tasks lost with their node are counted twice as retries (INV-19)",
                    new ModelComponents() {
                        @Override
                        public RetryPolicy retryPolicy(ModelContext context) {
                            return new DoubleCountingRetryPolicy();
                        }
                    }),
            new BugVariant("ignore-system-ignored",
                    "drain -ignore-system still stops system allocations (INV-7)",
                    new ModelComponents() {
                        @Override
                        public Drainer drainer(ModelContext context) {
                            return new SystemStoppingDrainer(context);
                        }
                    }),
            new BugVariant("per-node-max-parallel",
                    "migrate max_parallel counted per draining node, not per job (INV-4)",
                    new ModelComponents() {
                        @Override
                        public Drainer drainer(ModelContext context) {
                            return new PerNodePacingDrainer(context);
                        }
                    }),
            new BugVariant("batch-replaced-after-deadline",
                    "batch allocations stopped at a drain deadline get replaced (INV-6)",
                    new ModelComponents() {
                        @Override
                        public Scheduler scheduler(ModelContext context, PlacementPolicy placement) {
                            return new BatchReplacingScheduler(context, placement);
                        }
                    }),
            new BugVariant("drain-done-on-server-stop",
                    "drain completes when the servers stop allocations, not when clients"
                            + " report them terminal (INV-8)",
                    new ModelComponents() {
                        @Override
                        public Drainer drainer(ModelContext context) {
                            return new ServerStopDrainer(context);
                        }
                    }));

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
