package io.schedsim.prop.search;

import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.search.engine.BlockWork;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.shrink.ShrinkResult;
import io.schedsim.prop.shrink.Shrinker;
import io.schedsim.prop.spec.RunSpec;
import java.util.LinkedHashMap;

/**
 * Stage three of a search: shrinks one failing run (a block of one run number), keeping its
 * first violation's invariant. Runs it again to start from its exact plan; the shrinker's runs
 * are counted, that first one is not. Pure, like the scan.
 */
final class ShrinkWork implements BlockWork<ShrunkFailure> {
    private static final long serialVersionUID = 1L;

    private final SpecTemplate template;
    private final RunSource runs;
    private final int shrinkRunsMax;

    ShrinkWork(SpecTemplate template, RunSource runs, int shrinkRunsMax) {
        this.template = template;
        this.runs = runs;
        this.shrinkRunsMax = shrinkRunsMax;
    }

    @Override
    public ShrunkFailure apply(SeedBlock block) {
        if (block.size() != 1) {
            throw new IllegalArgumentException("shrink work takes one seed, got " + block);
        }
        RunSpec spec = runs.spec(template, block.first());
        RunOutcome outcome = spec.run();
        if (outcome.result().violations().isEmpty()) {
            throw new IllegalStateException("seed " + block.first() + " failed in the scan and "
                    + "passed when run again: " + spec + " is not deterministic");
        }
        String invariant = outcome.result().violations().get(0).invariant();
        ShrinkResult shrunk = new Shrinker(invariant, shrinkRunsMax).shrink(spec, outcome);
        RunResult result = shrunk.outcome().result();
        RunSpec smallest = shrunk.smallest();
        return new ShrunkFailure(block.first(), invariant, violationOf(result, invariant),
                result.traceHash(), result.events(), shrunk.faultsBefore(),
                shrunk.faultsAfter(), shrunk.runs(),
                new LinkedHashMap<>(smallest.config().asMap()), smallest.ordering(),
                smallest.explicitPlan().toJson());
    }

    /** The message of the violation of {@code invariant}: the first, as the shrinker kept it. */
    private static String violationOf(RunResult result, String invariant) {
        for (RunResult.Violation violation : result.violations()) {
            if (violation.invariant().equals(invariant)) {
                return violation.message();
            }
        }
        return result.violations().get(0).message();
    }
}
