package io.schedsim.prop.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.ScenarioDefinition;
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
    private static final class Fake implements ScenarioDefinition {
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
        public RunResult run(RunRequest request, TraceSink traceSink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunOutcome execute(RunRequest request, FaultPlan plan, OrderingSpec ordering,
                TraceSink traceSink) {
            List<RunResult.Violation> violations = new ArrayList<>();
            boolean disagreement = has(plan, 3_000);
            if (has(plan, 5_000) && !disagreement) {
                violations.add(new RunResult.Violation("INV-1", 5_000, 1, "model"));
            }
            if (disagreement) {
                violations.add(new RunResult.Violation("MON-1", 3_000, 1, "disagree",
                        RunResult.Violation.AGREEMENT, 1L, null, null, null, null));
            }
            RunResult result = new RunResult(name(), request.seed(), null, Map.of(), "0", 1, 1,
                    0, "TIME_LIMIT", null, null, null, null, Map.of(), violations);
            return new RunOutcome(result, plan, ordering, null, null);
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
        Fake fake = new Fake();
        Candidate failing = new Candidate(Map.of(), plan, OrderingSpec.FIFO);
        RunOutcome outcome = fake.execute(new RunRequest("fake", 1, Map.of(), null), plan,
                OrderingSpec.FIFO, null);
        ShrinkResult shrunk = new Shrinker(fake, 1, null, "MON-1", 100, null)
                .shrink(failing, outcome);
        assertEquals(1, shrunk.smallest().plan().size());
        assertEquals(3_000, shrunk.smallest().plan().get(0).atMillis());
        assertEquals("MON-1", shrunk.outcome().result().violations().get(0).invariant());
    }
}
