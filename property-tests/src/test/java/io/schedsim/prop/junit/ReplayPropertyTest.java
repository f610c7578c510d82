package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * {@code -Dschedsim.replay=FILE} replays the file in the property that wrote it and nowhere
 * else: that property fails again with the recorded failure (no search), every other property
 * skips, a clean file passes, and a missing file is an error rather than a skip.
 */
class ReplayPropertyTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static Failure found;

    @BeforeAll
    static void findAFailure() {
        found = assertThrows(PropertyFailure.class, ReplayPropertyTest::search).report()
                .failures().get(0);
    }

    /** The property whose file the tests replay. */
    private static PropertyCheck property(Map<String, String> properties) {
        return PropertyCheck.of("chaos-swarm").variant("ignore-system-ignored")
                .properties(properties).tries(40).seconds(120);
    }

    private static SearchReport search() {
        return property(Map.of()).check();
    }

    @Test
    void thePropertyThatWroteTheFileReplaysItWithoutSearching() {
        PropertyFailure again = assertThrows(PropertyFailure.class, () -> property(
                Map.of("schedsim.replay", found.replayFile())).check());
        SearchReport report = again.report();
        assertEquals(1, report.seedsRun());
        assertEquals(1, report.failures().size());
        Failure replayed = report.failures().get(0);
        assertEquals(found.invariant(), replayed.invariant());
        assertEquals(found.traceHash(), replayed.traceHash());
        assertEquals(found.seed(), replayed.seed());
        assertEquals(found.faultsAfterShrink(), replayed.faultsAfterShrink());
        assertTrue(again.getMessage().contains("\n  reproduced the recorded failure\n"),
                again.getMessage());
        assertTrue(again.getMessage().contains("replay this property: mvn "), again.getMessage());
    }

    @Test
    void everyOtherPropertySkips() {
        Map<String, String> replay = Map.of("schedsim.replay", found.replayFile());
        PropertyCheck[] others = {
            PropertyCheck.of("chaos-swarm").properties(replay),
            PropertyCheck.of("chaos-swarm").variant("leak-on-node-death").properties(replay),
            PropertyCheck.of("chaos-swarm").variant("ignore-system-ignored")
                    .oracle("another-check", run -> null).properties(replay),
            PropertyCheck.of("nomad-drain-ignore-system").variant("ignore-system-ignored")
                    .properties(replay)};
        for (PropertyCheck other : others) {
            TestAbortedException skipped = assertThrows(TestAbortedException.class,
                    other::check);
            assertTrue(skipped.getMessage().contains("replays another property (chaos-swarm, "
                    + "variant ignore-system-ignored, checks [])"), skipped.getMessage());
        }
    }

    @Test
    void aCleanFileOfThePropertyPasses() {
        for (String name : new String[] {"chaos-swarm-seed6.json", "chaos-swarm-seed30.json"}) {
            Path file = CORPUS.resolve(name);
            ReplayFile corpus = ReplayFiles.read(file, Registry.builtIn());
            assertTrue(corpus.spec().variant().isCorrect() && corpus.spec().checks().isEmpty());
            SearchReport report = PropertyCheck.of("chaos-swarm")
                    .properties(Map.of("schedsim.replay", file.toString())).check();
            assertEquals(1, report.seedsRun(), name);
            assertTrue(report.failures().isEmpty(), name);
        }
    }

    @Test
    void aMissingFileIsAnErrorNotASkip() {
        InputException e = assertThrows(InputException.class, () -> PropertyCheck
                .of("chaos-swarm").properties(Map.of("schedsim.replay", "no/such.json"))
                .check());
        assertEquals("replay file no/such.json: no such file", e.getMessage());
    }
}
