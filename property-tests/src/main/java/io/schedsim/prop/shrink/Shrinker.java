package io.schedsim.prop.shrink;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.search.PropertyOracle;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a failing run while the same invariant still fails (DSLabs' TraceMinimizer, applied to
 * the fault plan): delta debugging removes chunks of actions, then single actions; survivors are
 * simplified (later, shorter, fewer nodes); then the scenario's config is made smaller and the
 * ordering simpler (pct → random → fifo). Every step is a deterministic re-run. Rounds repeat
 * until nothing smaller fails or the run budget is spent.
 */
public final class Shrinker {
    private final ScenarioDefinition scenario;
    private final long seed;
    private final String variant;
    private final String invariant;
    private final int maxRuns;
    private final PropertyOracle oracle;
    private int runs;
    private RunOutcome lastFailure;

    public Shrinker(ScenarioDefinition scenario, long seed, String variant, String invariant,
            int maxRuns, PropertyOracle oracle) {
        this.oracle = oracle;
        this.scenario = scenario;
        this.seed = seed;
        this.variant = variant;
        this.invariant = invariant;
        this.maxRuns = maxRuns;
    }

    public ShrinkResult shrink(Candidate failing, RunOutcome failingOutcome) {
        lastFailure = failingOutcome;
        Candidate current = failing;
        boolean progress = true;
        while (progress && runs < maxRuns) {
            Candidate before = current;
            current = removeActions(current);
            current = simplifyActions(current);
            current = simplifyConfig(current);
            current = simplifyOrdering(current);
            progress = !current.equals(before);
        }
        return new ShrinkResult(current, lastFailure, failing.plan().size(), current.plan().size(),
                runs, runs >= maxRuns);
    }

    /** True if the candidate's first violation is still the same invariant; keeps its outcome. */
    private boolean fails(Candidate candidate) {
        if (runs >= maxRuns) {
            return false;
        }
        runs++;
        RunRequest request = new RunRequest(scenario.name(), seed, candidate.config(), variant);
        RunOutcome outcome = PropertyOracle.apply(oracle,
                scenario.execute(request, candidate.plan(), candidate.ordering(), null));
        List<RunResult.Violation> violations = outcome.result().violations();
        if (!violations.isEmpty() && violations.get(0).invariant().equals(invariant)) {
            lastFailure = outcome;
            return true;
        }
        return false;
    }

    private Candidate removeActions(Candidate current) {
        int chunk = Math.max(1, current.plan().size() / 2);
        while (chunk >= 1 && current.plan().size() > 0) {
            boolean removed = false;
            for (int start = 0; start < current.plan().size(); ) {
                FaultPlan smaller = withoutRange(current.plan(), start, chunk);
                if (fails(current.withPlan(smaller))) {
                    current = current.withPlan(smaller);
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return current;
    }

    private static FaultPlan withoutRange(FaultPlan plan, int start, int length) {
        FaultPlan result = plan;
        int end = Math.min(plan.size(), start + length);
        for (int i = end - 1; i >= start; i--) {
            result = result.without(i);
        }
        return result;
    }

    private Candidate simplifyActions(Candidate current) {
        for (int i = 0; i < current.plan().size(); i++) {
            boolean simplified = true;
            while (simplified) {
                simplified = false;
                FaultAction action = current.plan().get(i);
                for (FaultAction simpler : action.simpler()) {
                    FaultPlan next = current.plan().with(i, simpler);
                    if (fails(current.withPlan(next))) {
                        current = current.withPlan(next);
                        simplified = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private Candidate simplifyConfig(Candidate current) {
        boolean simplified = true;
        while (simplified) {
            simplified = false;
            List<Map<String, Object>> smaller = scenario.simplerConfigs(current.config());
            for (Map<String, Object> config : smaller) {
                if (fails(current.withConfig(config))) {
                    current = current.withConfig(config);
                    simplified = true;
                    break;
                }
            }
        }
        return current;
    }

    private Candidate simplifyOrdering(Candidate current) {
        while (!current.ordering().kind().equals("fifo")) {
            Candidate simpler = current.withOrdering(current.ordering().simpler());
            if (!fails(simpler)) {
                break;
            }
            current = simpler;
        }
        return current;
    }
}
