package io.schedsim.prop.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.SpecJson;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run is one value: it prints on one line, equal specs run to equal traces, an explicit plan
 * equal to the seed's own gives the same run, a user check becomes a violation named after it and
 * can read the run's history, a scenario without a history refuses a history sink, and the JSON
 * form names scenario, variant and checks by name and provider and reads back equal.
 */
class RunSpecTest {
    private static final Registry REGISTRY = Registry.builtIn();
    private static final Scenario SWARM = REGISTRY.scenario("chaos-swarm");

    @Test
    void aSpecPrintsOnOneLine() {
        RunSpec spec = RunSpec.of(SWARM).withSeed(5).withVariant(REGISTRY.variant("no-commit-gate"))
                .withPlan(FaultPlan.EMPTY).withOrdering(OrderingSpec.pct(2, 4_000))
                .withCheck(UserCheck.of("mine", run -> null));
        assertEquals("chaos-swarm seed 5 variant no-commit-gate plan explicit(0 actions) "
                + "ordering pct(2 over 4000 events) checks [mine] config "
                + SWARM.defaults(), spec.toString());
        assertFalse(spec.toString().contains("\n"));
    }

    @Test
    void theSeedsOwnPlanGivenExplicitlyGivesTheSameRun() {
        RunSpec fromSeed = RunSpec.of(SWARM).withSeed(7);
        RunOutcome drawn = fromSeed.run();
        RunOutcome given = fromSeed.withPlan(drawn.plan()).run();
        assertEquals(drawn.result().traceHash(), given.result().traceHash());
        assertEquals(drawn.result().traceHash(), RunSpec.of(SWARM).withSeed(7).run().result()
                .traceHash());
        assertNotEquals(drawn.result().traceHash(), fromSeed.withSeed(8).run().result()
                .traceHash());
    }

    @Test
    void aFailingCheckIsAViolationNamedAfterIt() {
        RunSpec spec = RunSpec.of(SWARM).withSeed(3)
                .withCheck(UserCheck.of("passes", run -> null))
                .withCheck(UserCheck.of("always", run -> "saw " + run.state().nodeSlotCount()
                        + " nodes"));
        RunOutcome outcome = spec.run();
        assertEquals(1, outcome.result().violations().size());
        assertEquals("always", outcome.result().violations().get(0).invariant());
        assertEquals("saw 7 nodes", outcome.result().violations().get(0).message());
        assertEquals(outcome.result().events(), outcome.result().violations().get(0).event());
        assertEquals(RunSpec.of(SWARM).withSeed(3).run().result().traceHash(),
                outcome.result().traceHash(), "a check never changes the run");
    }

    @Test
    void aCheckReadsTheHistoryTheMonitorJudged() {
        // The history starts with run-started and ends with run-ended; a check can count in it.
        RunSpec plain = RunSpec.of(SWARM).withSeed(3).with("detector", "nomad-ttl");
        RunSpec spec = plain.withCheck(UserCheck.of("history",
                run -> {
                    List<HistoryEvent> history = run.history().orElseThrow();
                    return history.get(0).type() + " .. " + history.get(history.size() - 1)
                            .type() + ", heartbeats sent " + history.stream().filter(e
                            -> e.type() == EventType.HEARTBEAT_SENT).count();
                }));
        RunOutcome outcome = spec.run();
        String message = outcome.result().violations().get(0).message();
        assertTrue(message.startsWith("RUN_STARTED .. RUN_ENDED, heartbeats sent "), message);
        assertFalse(message.endsWith(" 0"), "every event is kept for a check: " + message);
        assertEquals(RunResult.Violation.CHECK, outcome.result().violations().get(0).source());
        assertEquals(plain.run().result().traceHash(), outcome.result().traceHash(),
                "keeping the history never changes the run");
    }

    @Test
    void aScenarioWithoutAHistoryRefusesAHistorySink() {
        Scenario own = new Scenario() {
            @Override
            public String name() {
                return "own";
            }

            @Override
            public String description() {
                return "a model of its own";
            }

            @Override
            public List<Knob> knobs() {
                return List.of();
            }

            @Override
            public RunOutcome execute(RunSpec spec, RunOptions options) {
                throw new AssertionError("refused before it runs");
            }
        };
        InputException refused = assertThrows(InputException.class,
                () -> RunSpec.of(own).run(RunOptions.NONE.withHistory(event -> { })));
        assertEquals("--history: scenario own cannot write a history", refused.getMessage());
        assertTrue(SWARM.writesHistory());
    }

    @Test
    void aConfigOfAnotherScenarioIsRefused() {
        Scenario other = REGISTRY.scenario("ray-chaos");
        assertThrows(IllegalArgumentException.class,
                () -> RunSpec.of(SWARM).withConfig(other.defaults()));
    }

    @Test
    void theJsonFormNamesProvidersAndReadsBackEqual() {
        RunSpec spec = RunSpec.of(SWARM).withSeed(-12).with("nodes", 3)
                .withVariant(REGISTRY.variant("leak-on-node-death"))
                .withPlan(RunSpec.of(SWARM).withSeed(-12).run().plan())
                .withOrdering(OrderingSpec.random());
        String json = SpecJson.write(spec, REGISTRY);
        assertTrue(json.contains("\"variant\":{\"name\":\"leak-on-node-death\",\"provider\":"
                + "\"io.schedsim.prop.plugin.BuiltInPlugin\"}"), json);
        assertTrue(json.contains("\"faultPlan\":{\"source\":\"explicit\",\"actions\":["), json);
        RunSpec read = SpecJson.read(json, REGISTRY);
        assertEquals(spec.config(), read.config());
        assertEquals(spec.explicitPlan(), read.explicitPlan());
        assertEquals(spec.ordering(), read.ordering());
        assertEquals(spec.seed(), read.seed());
        assertEquals(spec.variant().name(), read.variant().name());
        assertEquals(List.of(), read.checks());
        assertEquals(spec.run().result().traceHash(), read.run().result().traceHash());
        RunSpec fromSeed = SpecJson.read(SpecJson.write(RunSpec.of(SWARM), REGISTRY), REGISTRY);
        assertEquals(FaultPlanSpec.FROM_SEED, fromSeed.faultPlan());
        assertTrue(fromSeed.variant().isCorrect());
    }
}
