package io.schedsim.prop.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bug-zoo variant is found by a search of its target scenario ({@code chaos-swarm} unless
 * it names another) on one thread within the budget, shrunk to at most 3 fault actions, filed
 * under the invariant of the guard it names (the model's, or the monitor's with a MON-1 after it
 * when only the monitor sees the bug), and its replay file reproduces the same invariant and
 * trace hash, twice. The seed budget is fixed, so the outcome does not depend on the machine's speed;
 * the seconds cap only guards a pathological slowdown.
 */
class BugZooTest {
    // Two variants need rare shapes: uncoalesced-deadlines two drains whose deadlines fall within
    // 5 s of each other (first at seed 3901), lost-before-migrate a drain mark strictly before
    // the snapshot of a plan made after its node went down (first at seed 12771; seed 8228, where
    // it was first seen, was a stale plan that the correct model rightly commits as it is, N-23);
    // every other variant is found far sooner.
    private static final long SEEDS = Long.getLong("schedsim.zoo.seeds", 15_000);
    private static final double SECONDS = Double.parseDouble(
            System.getProperty("schedsim.zoo.seconds", "60"));
    private static final int ATTEMPTS = 4;
    // stopped-never-lost needs a drain, its node going down and a plan after both: its smallest
    // plan found has 4 actions (seed 45).
    // killer-takes-last-worker: the rules' kills must first take every other candidate worker,
    // so its smallest plan holds a kill per worker of the shrunk cluster.
    private static final Map<String, Integer> MAX_FAULTS = Map.of("stopped-never-lost", 4,
            "killer-takes-last-worker", 4);
    // A variant of a detector its target scenario runs only in one case: that case's settings.
    private static final Map<String, Map<String, String>> SETTINGS = Map.of(
            "legacy-heartbeat-off-by-one", Map.of("case", "d"));

    /** The built-ins and the pending variants, which no plugin lists yet. */
    private static final Registry REGISTRY = Registry.builtIn().withLocal(List.of(),
            BugZoo.pending(), List.of());

    static Stream<String> variants() {
        return Stream.concat(BugZoo.all().stream(), BugZoo.pending().stream()).map(Variant::name);
    }

    private static Variant named(String name) {
        return Stream.concat(BugZoo.all().stream(), BugZoo.pending().stream())
                .filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void searchFindsShrinksAndReplaysTheVariant(String variant, @TempDir Path out) {
        Variant zoo = named(variant);
        int maxFaults = MAX_FAULTS.getOrDefault(variant, 3);
        Failure failure = null;
        long firstSeed = 1;
        // A failure whose plan cannot shrink below 4 actions may have a smaller sibling: keep
        // searching from the next seed a few times and keep the smallest.
        for (int attempt = 0; attempt < ATTEMPTS && firstSeed <= SEEDS; attempt++) {
            SearchSettings settings = SearchSettings.of(RunSpec.of(REGISTRY.scenario(
                    zoo.scenario())).withSettings(SETTINGS.getOrDefault(variant, Map.of()))
                    .withVariant(zoo)).seeds(firstSeed, SEEDS).seconds(SECONDS)
                    .threads(1).outDir(out).maxFailures(1);
            SearchReport report = new PropertySearch(settings, REGISTRY).run(null);
            if (report.failures().isEmpty()) {
                break;
            }
            Failure found = report.failures().get(0);
            if (failure == null || found.faultsAfterShrink() < failure.faultsAfterShrink()) {
                failure = found;
            }
            if (failure.faultsAfterShrink() <= maxFaults) {
                break;
            }
            firstSeed = found.seed() + 1;
        }
        assertTrue(failure != null, variant + " not found in seeds 1.." + SEEDS);
        assertEquals(zoo.guard(), failure.invariant(), variant + " filed under another rule");
        assertTrue(failure.faultsAfterShrink() <= maxFaults, variant + " shrunk only to "
                + failure.faultsAfterShrink() + " actions (from " + failure.faultsBeforeShrink()
                + ")");
        ReplayFile file = ReplayFiles.read(Path.of(failure.replayFile()), REGISTRY);
        assertEquals(variant, file.spec().variant().name());
        assertEquals(zoo.scenario(), file.spec().variant().scenario());
        for (int run = 0; run < 2; run++) {
            RunOutcome outcome = Replayer.replay(file, null);
            List<?> violations = outcome.result().violations();
            assertFalse(violations.isEmpty(), "replay of " + variant + " found no violation");
            assertEquals(failure.invariant(), outcome.result().violations().get(0).invariant());
            assertEquals(file.expected().traceHash(), outcome.result().traceHash(),
                    "replay of " + variant + " diverged");
            // The failure must be the variant's own bug, not another shape the search met first
            // (the correct model's own findings would otherwise pass for the variant's).
            assertTrue(outcome.result().violations().stream()
                    .anyMatch(v -> v.invariant().equals(zoo.guard())),
                    variant + " failed with " + outcome.result().violations()
                            + ", not its guard " + zoo.guard());
        }
    }
}
