package io.schedsim.prop.scenario.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.kind.FaultKind;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.fault.plan.NodePurge;
import io.schedsim.fault.swarm.SwarmRanges;
import io.schedsim.model.job.JobSpec;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario defined in a few lines runs like a built-in: its swarm draws only the allowed kinds
 * inside its window, its knobs move the window and the settling, and a search of it with a
 * zoo variant finds, shrinks and files a failure whose replay file reproduces it.
 */
class CustomScenarioTest {
    private static final Registry REGISTRY = Registry.builtIn();

    /** Drains and eligibility flips over a system and a service job on four nodes. */
    static CustomScenario drains() {
        return CustomScenario.builder("drain-race")
                .description("drains and flips over a system and a service job")
                .nodes(4, 4_000, 8_192)
                .job(JobSpec.system("agent", 100, 128))
                .job(JobSpec.service("web", 2, 500, 256))
                .faultKinds(FaultKind.DRAIN, FaultKind.ELIGIBILITY_FLIP)
                .faultWindowMillis(10_000, 240_000)
                .settleMillis(300_000)
                .build();
    }

    @Test
    void theSwarmDrawsOnlyTheAllowedKindsInsideTheWindow() {
        CustomScenario scenario = drains();
        assertEquals(List.of("faultWindowMillis", "settleMillis"),
                scenario.knobs().stream().map(k -> k.name()).toList());
        assertEquals(240_000L, scenario.defaults().longValue("faultWindowMillis"));
        for (long seed = 1; seed <= 20; seed++) {
            RunOutcome outcome = RunSpec.of(scenario).withSeed(seed).run();
            assertEquals(List.of(), outcome.result().violations(), "seed " + seed);
            assertFalse(outcome.plan().actions().isEmpty());
            outcome.plan().actions().forEach(action -> {
                // The DRAIN kind also purges nodes (N-20, N-31).
                assertTrue(action instanceof Drain || action instanceof EligibilityFlip
                        || action instanceof NodePurge, action::describe);
                assertTrue(action.atMillis() >= 10_000 && action.atMillis() < 240_000,
                        action::describe);
            });
            assertEquals(4, outcome.result().nodes().total());
            assertEquals(240_000L, outcome.result().resolved().get("healAtMillis"));
        }
        RunResult shorter = RunSpec.of(scenario).with("faultWindowMillis", 60_000).run().result();
        assertEquals(60_000L, shorter.resolved().get("healAtMillis"));
        assertEquals(360_000L, shorter.resolved().get("horizonMillis"));
    }

    @Test
    void aSweepWithAZooVariantFindsShrinksAndReplaysAFailure(@TempDir Path out) {
        CustomScenario scenario = drains();
        RunSpec template = RunSpec.of(scenario)
                .withVariant(REGISTRY.variant("ignore-system-ignored"));
        SearchReport report = new PropertySearch(SearchSettings.of(template).seeds(1, 40)
                .threads(2).outDir(out), REGISTRY).run(null);
        assertFalse(report.failures().isEmpty(), report::toString);
        Failure failure = report.failures().get(0);
        assertEquals("INV-7", failure.invariant());
        assertTrue(failure.faultsAfterShrink() <= 2, failure::toString);
        assertTrue(failure.faultsAfterShrink() < failure.faultsBeforeShrink(), failure::toString);
        Registry local = REGISTRY.withLocal(List.of(scenario), List.of(), List.of());
        ReplayFile file = ReplayFiles.read(Path.of(failure.replayFile()), local);
        assertEquals("drain-race", file.spec().scenario().name());
        RunResult replayed = Replayer.replay(file, null).result();
        assertEquals(failure.traceHash(), replayed.traceHash());
        assertEquals("INV-7", replayed.violations().get(0).invariant());
    }

    @Test
    void rangesAndKindsReachTheSwarm() {
        CustomScenario kills = CustomScenario.builder("one-kill").nodes(3, 4_000, 8_192)
                .job(JobSpec.service("web", 2, 500, 256)).faultKinds(FaultKind.HOST_LOSS)
                .faultRanges(SwarmRanges.DEFAULT.withKillsMax(1)).build();
        assertEquals(Set.of(FaultKind.HOST_LOSS), kills.faultKinds());
        for (long seed = 1; seed <= 10; seed++) {
            assertEquals(1, RunSpec.of(kills).withSeed(seed).run().plan().size());
        }
    }

    @Test
    void aBuilderWithoutNodesOrWorkIsAOneLineError() {
        assertEquals("empty: add worker nodes (nodes(count, cpu, mem))", assertThrows(
                InputException.class, () -> CustomScenario.builder("empty")
                        .job(JobSpec.system("s", 1, 1)).build()).getMessage());
        assertEquals("idle: add a job or a Ray workload", assertThrows(InputException.class,
                () -> CustomScenario.builder("idle").nodes(2, 1, 1).build()).getMessage());
        assertThrows(InputException.class, () -> CustomScenario.builder("Not Kebab"));
        assertThrows(InputException.class, () -> CustomScenario.builder("w").nodes(2, 1, 1)
                .job(JobSpec.system("s", 1, 1)).faultWindowMillis(5_000, 5_000).build());
    }
}
