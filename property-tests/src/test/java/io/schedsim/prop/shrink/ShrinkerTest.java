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
 * The shrinker keeps a failure's first invariant and, when the model and the monitor disagreed,
 * the disagreement: it drops what it can while the first violation's id stays the one found and
 * MON-1 stays beside it, so a bug only the monitor sees never shrinks into a run where the model
 * sees it too.
 */
class ShrinkerTest {
    /**
     * With the action at 3 s only the monitor flags INV-1 (then MON-1); with the one at 5 s and
     * not the one at 3 s the model flags INV-1 too, so no MON-1.
     */
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
                violations.add(new RunResult.Violation("INV-1", 5_000, 1, "monitor",
                        RunResult.Violation.MONITOR, 1L, null, null, null, null));
            }
            if (disagreement) {
                violations.add(new RunResult.Violation("INV-1", 3_000, 1, "monitor only",
                        RunResult.Violation.MONITOR, 1L, null, null, null, null));
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
    void aDisagreementShrinksAsADisagreement() {
        List<FaultAction> actions = new ArrayList<>();
        for (long at = 1_000; at <= 8_000; at += 1_000) {
            actions.add(new LeaderFailover(at));
        }
        FaultPlan plan = new FaultPlan(actions);
        RunSpec failing = RunSpec.of(new Fake()).withPlan(plan);
        RunOutcome outcome = failing.run();
        ShrinkResult shrunk = new Shrinker("INV-1", 100).shrink(failing, outcome);
        assertEquals(1, shrunk.smallest().explicitPlan().size());
        assertEquals(3_000, shrunk.smallest().explicitPlan().get(0).atMillis());
        List<RunResult.Violation> kept = shrunk.outcome().result().violations();
        assertEquals("INV-1", kept.get(0).invariant());
        assertEquals("MON-1", kept.get(kept.size() - 1).invariant());
    }

    @Test
    void anAgreedFailureMayShrinkToAnyRunWithTheSameFirstInvariant() {
        FaultPlan plan = FaultPlan.of(new LeaderFailover(5_000), new LeaderFailover(6_000));
        RunSpec failing = RunSpec.of(new Fake()).withPlan(plan);
        ShrinkResult shrunk = new Shrinker("INV-1", 100).shrink(failing, failing.run());
        assertEquals(1, shrunk.smallest().explicitPlan().size());
        assertEquals(5_000, shrunk.smallest().explicitPlan().get(0).atMillis());
    }
}
