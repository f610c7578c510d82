package io.schedsim.prop.shrink;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import java.util.List;

/**
 * Shrinks a failing run while the same invariant still fails (DSLabs' TraceMinimizer, applied to
 * the fault plan): delta debugging removes chunks of actions, then single actions; survivors are
 * simplified (later, shorter, fewer nodes); then the scenario's config is made smaller and the
 * ordering simpler (pct → random → fifo). Every step is a deterministic re-run of a {@link
 * RunSpec} (seed, variant and checks fixed; a user check counts as an invariant). Rounds repeat
 * until nothing smaller fails or the run budget is spent.
 *
 * <p>A failure the model and the monitor disagreed on (a MON-1 among its violations) is kept a
 * disagreement: a smaller run counts only if it still has MON-1 beside the same first invariant,
 * so a bug only the monitor sees never shrinks into a run where the model sees it too.
 */
public final class Shrinker {
    /** Candidates run with their explicit plan checked against the run's nodes, as a file's. */
    private static final RunOptions PLAN_CHECKED = new RunOptions(null, null, true);

    private final String invariant;
    private final int maxRuns;
    private boolean keepDisagreement;
    private int runs;
    private RunOutcome lastFailure;

    /** Keeps {@code invariant} the first violation, within {@code maxRuns} runs. */
    public Shrinker(String invariant, int maxRuns) {
        this.invariant = invariant;
        this.maxRuns = maxRuns;
    }

    /**
     * Shrinks {@code failing}, whose run was {@code failingOutcome}; the spec is taken with the
     * explicit plan that run had, so a spec whose plan came from the seed shrinks too.
     */
    public ShrinkResult shrink(RunSpec failing, RunOutcome failingOutcome) {
        lastFailure = failingOutcome;
        keepDisagreement = disagrees(failingOutcome.result().violations());
        RunSpec start = failing.withPlan(failingOutcome.plan());
        RunSpec current = start;
        boolean progress = true;
        while (progress && runs < maxRuns) {
            RunSpec before = current;
            current = removeActions(current);
            current = simplifyActions(current);
            current = simplifyConfig(current);
            current = simplifyOrdering(current);
            progress = !current.equals(before);
        }
        return new ShrinkResult(current, lastFailure, start.explicitPlan().size(),
                current.explicitPlan().size(), runs, runs >= maxRuns);
    }

    /** True if the candidate's first violation is still the same invariant; keeps its outcome. */
    private boolean fails(RunSpec candidate) {
        if (runs >= maxRuns) {
            return false;
        }
        runs++;
        RunOutcome outcome;
        try {
            // Checked as a replay checks its file: a smaller config may drop nodes the plan
            // still names, and a replay file replay refuses is no reproduction (guided search
            // wrote one: chaos-swarm nodes=2 with a ray-drain of node 3).
            outcome = candidate.run(PLAN_CHECKED);
        } catch (InputException refused) {
            return false;
        }
        List<RunResult.Violation> violations = outcome.result().violations();
        if (!violations.isEmpty() && violations.get(0).invariant().equals(invariant)
                && (!keepDisagreement || disagrees(violations))) {
            lastFailure = outcome;
            return true;
        }
        return false;
    }

    private static boolean disagrees(List<RunResult.Violation> violations) {
        for (RunResult.Violation violation : violations) {
            if (violation.source().equals(RunResult.Violation.AGREEMENT)) {
                return true;
            }
        }
        return false;
    }

    private RunSpec removeActions(RunSpec current) {
        int chunk = Math.max(1, current.explicitPlan().size() / 2);
        while (chunk >= 1 && current.explicitPlan().size() > 0) {
            boolean removed = false;
            for (int start = 0; start < current.explicitPlan().size(); ) {
                FaultPlan smaller = withoutRange(current.explicitPlan(), start, chunk);
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

    private RunSpec simplifyActions(RunSpec current) {
        for (int i = 0; i < current.explicitPlan().size(); i++) {
            boolean simplified = true;
            while (simplified) {
                simplified = false;
                FaultAction action = current.explicitPlan().get(i);
                for (FaultAction simpler : action.simpler()) {
                    FaultPlan next = current.explicitPlan().with(i, simpler);
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

    private RunSpec simplifyConfig(RunSpec current) {
        boolean simplified = true;
        while (simplified) {
            simplified = false;
            List<ScenarioConfig> smaller = current.scenario().simplerConfigs(current.config());
            for (ScenarioConfig config : smaller) {
                if (fails(current.withConfig(config))) {
                    current = current.withConfig(config);
                    simplified = true;
                    break;
                }
            }
        }
        return current;
    }

    private RunSpec simplifyOrdering(RunSpec current) {
        while (!current.ordering().kind().equals("fifo")) {
            RunSpec simpler = current.withOrdering(current.ordering().simpler());
            if (!fails(simpler)) {
                break;
            }
            current = simpler;
        }
        return current;
    }
}
