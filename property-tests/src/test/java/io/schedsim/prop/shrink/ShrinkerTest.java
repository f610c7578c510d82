package io.schedsim.prop.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shrinker keeps a failure's first invariant, MON-1 included: it drops what it can while the
 * first violation's id stays the one found, so a disagreement between the model and the monitor
 * shrinks as a disagreement and never turns into the model's own finding.
 */
class ShrinkerTest {
    /** Fails MON-1 while the plan keeps the action at 3 s; the one at 5 s alone makes INV-1. */
    private static final class Fake implements Scenario {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String description() {
            return "fails by the actions of its plan";
        }

        @Override
        public List<Knob> knobs() {
            return List.of();
        }

        @Override
        public RunOutcome execute(RunSpec spec, RunOptions options) {
            FaultPlan plan = spec.explicitPlan();
            List<RunResult.Violation> violations = new ArrayList<>();
            boolean disagreement = has(plan, 3_000);
            if (has(plan, 5_000) && !disagreement) {
                violations.add(new RunResult.Violation("INV-1", 5_000, 1, "model"));
            }
            if (disagreement) {
                violations.add(new RunResult.Violation("MON-1", 3_000, 1, "disagree",
                        RunResult.Violation.AGREEMENT, 1L, null, null, null, null));
            }
            RunResult result = new RunResult(name(), spec.seed(), null, Map.of(), "0", 1, 1,
                    0, "TIME_LIMIT", null, null, null, null, Map.of(), violations);
            return new RunOutcome(result, plan, spec.ordering(), null, null);
        }

        private static boolean has(FaultPlan plan, long atMillis) {
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).atMillis() == atMillis) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void aMon1FailureShrinksAsMon1() {
        List<FaultAction> actions = new ArrayList<>();
        for (long at = 1_000; at <= 8_000; at += 1_000) {
            actions.add(new LeaderFailover(at));
        }
        FaultPlan plan = new FaultPlan(actions);
        RunSpec failing = RunSpec.of(new Fake()).withPlan(plan);
        RunOutcome outcome = failing.run();
        ShrinkResult shrunk = new Shrinker("MON-1", 100).shrink(failing, outcome);
        assertEquals(1, shrunk.smallest().explicitPlan().size());
        assertEquals(3_000, shrunk.smallest().explicitPlan().get(0).atMillis());
        assertEquals("MON-1", shrunk.outcome().result().violations().get(0).invariant());
    }
}
