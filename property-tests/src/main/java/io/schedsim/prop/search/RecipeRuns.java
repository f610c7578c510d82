package io.schedsim.prop.search;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.spec.RunSpec;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs given exactly, by run number: the seed, ordering and explicit plan each ran with. Guided
 * search shrinks and files its failures from these, since a guided run's spec is not its seed's.
 */
final class RecipeRuns implements RunSource {
    private static final long serialVersionUID = 1L;

    /** One run exactly: what guided search generated for it. */
    record Recipe(long seed, OrderingSpec ordering, String planJson) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final TreeMap<Long, Recipe> recipes;

    private RecipeRuns(Map<Long, Recipe> recipes) {
        this.recipes = new TreeMap<>(recipes);
    }

    /** The runs of {@code failures}, each of which kept its plan. */
    static RecipeRuns of(List<ScanFailure> failures) {
        Map<Long, Recipe> recipes = new TreeMap<>();
        for (ScanFailure failure : failures) {
            if (failure.planJson() == null) {
                throw new IllegalStateException("run " + failure.seed() + " kept no plan");
            }
            recipes.put(failure.seed(), new Recipe(failure.specSeed(), failure.ordering(),
                    failure.planJson()));
        }
        return new RecipeRuns(recipes);
    }

    @Override
    public RunSpec spec(SpecTemplate template, long run) {
        Recipe recipe = recipes.get(run);
        if (recipe == null) {
            throw new IllegalArgumentException("no recipe for run " + run);
        }
        return template.spec().withSeed(recipe.seed()).withOrdering(recipe.ordering())
                .withPlan(FaultPlan.fromJson(recipe.planJson()));
    }
}
