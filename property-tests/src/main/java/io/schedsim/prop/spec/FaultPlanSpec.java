package io.schedsim.prop.spec;

import io.schedsim.fault.plan.FaultPlan;
import java.util.Objects;

/**
 * Where a run's fault plan comes from: drawn from the seed by the scenario ({@link FromSeed},
 * what {@code run} and a sweep's scan do), or given ({@link Explicit}, what the shrinker edits and
 * a replay file stores). An explicit plan equal to the seed's own gives the same run.
 */
public sealed interface FaultPlanSpec permits FaultPlanSpec.FromSeed, FaultPlanSpec.Explicit {
    /** The plan the scenario draws from the seed. */
    FromSeed FROM_SEED = new FromSeed();

    static Explicit explicit(FaultPlan plan) {
        return new Explicit(plan);
    }

    /** {@code seed} or {@code explicit(N actions)}, as a spec prints it. */
    String describe();

    /** The scenario draws the plan from the seed ("swarm from the seed"). */
    record FromSeed() implements FaultPlanSpec {
        @Override
        public String describe() {
            return "seed";
        }
    }

    /** Exactly these actions. */
    record Explicit(FaultPlan plan) implements FaultPlanSpec {
        public Explicit {
            Objects.requireNonNull(plan, "plan");
        }

        @Override
        public String describe() {
            return "explicit(" + plan.size() + (plan.size() == 1 ? " action)" : " actions)");
        }
    }
}
