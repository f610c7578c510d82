package io.schedsim.prop.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files of format {@code schedsim-replay/1} load into a run spec and replay as they always did;
 * a knob the file predates takes its default, and a model that has moved on since is a run that
 * does not reproduce (replay's exit 4), never a load error. Rewritten, such a file is format /2
 * and replays to the same hash.
 */
class LegacyReplayTest {
    private static final Path V1 = Path.of("src", "test", "resources", "corpus",
            "chaos-swarm-seed6.json");
    private static final Registry REGISTRY = Registry.builtIn();

    @Test
    void aFirstFormatFileLoadsIntoASpecAndReproduces() throws IOException {
        ReplayFile file = ReplayFiles.read(V1, REGISTRY);
        assertEquals(ReplayFile.FORMAT_1, file.format());
        assertEquals("chaos-swarm", file.spec().scenario().name());
        assertTrue(file.spec().variant().isCorrect());
        assertFalse(file.spec().explicitPlan().actions().isEmpty());
        assertNull(file.expected().events());
        RunOutcome outcome = Replayer.replay(file, null);
        assertEquals(file.expected().traceHash(), outcome.result().traceHash());
        assertTrue(Reproduction.of(file, outcome, null).reproduced());

        String rewritten = ReplayFiles.toJson(ReplayFile.of(file.spec(), file.expected(),
                file.shrink()), REGISTRY);
        ReplayFile current = ReplayFiles.parse(rewritten, "rewritten", REGISTRY);
        assertEquals(ReplayFile.FORMAT, current.format());
        assertEquals(file.expected().traceHash(),
                Replayer.replay(current, null).result().traceHash());
    }

    @Test
    void aKnobTheFilePredatesTakesItsDefault() throws IOException {
        ObjectNode root = (ObjectNode) JsonFields.MAPPER.readTree(Files.readString(V1));
        ((ObjectNode) root.get("config")).remove("settleMillis");
        ReplayFile file = ReplayFiles.parse(root.toString(), "old.json", REGISTRY);
        assertEquals(600_000L, file.spec().config().longValue("settleMillis"));
        assertEquals(file.expected().traceHash(),
                Replayer.replay(file, null).result().traceHash());
    }

    @Test
    void aMovedModelIsARunThatDoesNotReproduceNotALoadError() throws IOException {
        ObjectNode root = (ObjectNode) JsonFields.MAPPER.readTree(Files.readString(V1));
        ((ObjectNode) root.get("expected")).put("traceHash", "0123456789abcdef");
        ReplayFile file = ReplayFiles.parse(root.toString(), "moved.json", REGISTRY);
        Reproduction reproduction = Reproduction.of(file, Replayer.replay(file, null), null);
        assertTrue(reproduction.recorded());
        assertFalse(reproduction.reproduced());
        assertTrue(reproduction.difference().startsWith("recorded trace hash 0123456789abcdef"),
                reproduction::difference);
    }
}
