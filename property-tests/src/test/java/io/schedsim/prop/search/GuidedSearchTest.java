package io.schedsim.prop.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.search.guided.Corpus;
import io.schedsim.prop.search.guided.CorpusEntry;
import io.schedsim.prop.search.guided.Coverage;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.search.engine.EngineOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guided search (issue 14 item 4): its rounds make its report a function of the run range alone
 * (1 or 2 threads, an engine that serialises every work item, shrinking or not); its first round
 * is random search's; later rounds draw runs from a corpus that grows, each mutant an explicit,
 * admitted, repeatable run; every failure it files replays exactly from its file; and the correct model stays clean under
 * the plans it edits (they stay in the scenario's domain).
 */
class GuidedSearchTest {
    private static final String VARIANT = "double-counted-node-loss";

    @TempDir
    Path dir;

    @Test
    void theReportDependsOnTheRunRangeAloneAndTheCorpusGrows() {
        SearchSettings settings = settings("t1", VARIANT).seeds(1, 700);
        SearchReport one = run(settings.threads(1));
        SearchReport.Guided guided = one.statistics().guided();
        assertNotNull(guided, "a guided report has guided statistics");
        assertEquals(3, guided.rounds());
        assertTrue(guided.corpusEntries() > 10, guided.toString());
        assertTrue(guided.corpusRuns() > 100, guided.toString());
        assertTrue(guided.featuresCovered() > 100, guided.toString());
        SearchReport two = run(settings("t2", VARIANT).seeds(1, 700).threads(2));
        assertEquals(ComparableReport.of(one), ComparableReport.of(two));
        SearchReport serialised = new PropertySearch(settings("s", VARIANT).seeds(1, 700),
                Registry.builtIn(), new SerialisingEngine(), EngineOptions.threads(2)).run(null);
        assertEquals(ComparableReport.of(one), ComparableReport.of(serialised));
    }

    @Test
    void theFirstRoundIsRandomSearch() {
        SearchSettings first = settings("g", VARIANT).seeds(1, GuidedScan.ROUND).shrink(false);
        SearchReport guided = run(first);
        SearchReport random = run(first.search(SearchSettings.RANDOM).outDir(dir.resolve("r")));
        assertEquals(ComparableReport.of(random).failures(),
                ComparableReport.of(guided).failures());
        assertEquals(random.statistics().faultsFired(), guided.statistics().faultsFired());
        assertEquals(0, guided.statistics().guided().corpusRuns());
    }

    @Test
    void everyFiledFailureReplaysExactly() {
        SearchReport report = run(settings("m", VARIANT).seeds(1, 1_024).shrink(false));
        assertFalse(report.failures().isEmpty());
        for (Failure failure : report.failures()) {
            ReplayFile file = ReplayFiles.read(Path.of(failure.replayFile()), Registry.builtIn());
            RunOutcome again = Replayer.replay(file, null);
            assertEquals(failure.traceHash(), again.result().traceHash(), failure.toString());
            assertEquals(failure.invariant(), again.result().violations().get(0).invariant());
        }
    }

    @Test
    void aRoundsMutantsAreExplicitAdmittedRepeatableRuns() {
        Registry registry = Registry.builtIn();
        RunSpec base = RunSpec.of(registry.scenario("chaos-swarm"));
        SpecTemplate template = new SpecTemplate(base, registry);
        Corpus corpus = new Corpus();
        for (long seed = 1; seed <= 40; seed++) {
            RunSpec spec = template.forSeed(seed, SeedOrderings.MIXED);
            Coverage coverage = new Coverage();
            RunOutcome outcome = spec.run(RunOptions.NONE.withCoverage(coverage));
            corpus.offer(coverage.features(), coverage.metrics(), fresh -> new CorpusEntry(spec.seed(),
                    spec.ordering(), outcome.plan().toJson(), 7, fresh));
        }
        assertTrue(corpus.size() > 5, corpus.size() + " entries");
        GuidedRound round = new GuidedRound(SeedOrderings.MIXED, corpus.snapshot(), 101);
        int mutants = 0;
        for (long run = 101; run < 141; run++) {
            RunSpec spec = round.spec(template, run);
            assertEquals(spec, round.spec(template, run), "run " + run + " is one spec");
            if ((run - 101) % GuidedRound.FRESH_EVERY == 0) {
                assertEquals(template.forSeed(run, SeedOrderings.MIXED), spec);
                continue;
            }
            mutants++;
            FaultPlan plan = spec.explicitPlan();
            assertNotNull(plan, "a mutant runs an explicit plan");
            assertTrue(base.scenario().admits(plan, base.config()), plan.describe());
            RunOutcome outcome = spec.run();
            RunOutcome replayed = Replayer.replay(ReplayFile.of(spec, new ReplayFile.Expected(
                    outcome.result().traceHash(), outcome.result().events(), null, null),
                    new ReplayFile.ShrinkStats(plan.size(), plan.size(), 0)), null);
            assertEquals(outcome.result().traceHash(), replayed.result().traceHash());
        }
        assertEquals(40 - 40 / GuidedRound.FRESH_EVERY, mutants);
    }

    @Test
    void theCorrectModelStaysCleanUnderEditedPlans() {
        SearchReport report = run(settings("c", null).seeds(1, 1_024).shrink(false));
        assertTrue(report.statistics().guided().corpusRuns() > 300);
        assertEquals(0, report.failures().size(), () -> report.failures().toString());
    }

    private SearchSettings settings(String out, String variant) {
        return SearchSettings.of("chaos-swarm", variant).search(SearchSettings.GUIDED)
                .outDir(dir.resolve(out));
    }

    private static SearchReport run(SearchSettings settings) {
        return new PropertySearch(settings, Registry.builtIn()).run(null);
    }
}
