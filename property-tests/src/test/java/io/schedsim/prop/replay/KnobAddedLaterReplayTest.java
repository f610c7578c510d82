package io.schedsim.prop.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.prop.plugin.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A current-format chaos-swarm file written before the swarm had actors and grouped jobs (it
 * names neither knob) loads with both at 0, the swarm it was recorded on, and replays to its
 * recorded hash; before Knob.addedLater(value) it was refused as missing a knob.
 */
class KnobAddedLaterReplayTest {
    private static final Path FILE = Path.of("src", "test", "resources", "corpus",
            "chaos-swarm-seed115537-inv23.json");
    private static final Registry REGISTRY = Registry.builtIn();

    @Test
    void aFileThatPredatesActorsAndGroupedJobsReplaysAsRecorded() throws IOException {
        ObjectNode root = (ObjectNode) JsonFields.MAPPER.readTree(Files.readString(FILE));
        ObjectNode config = (ObjectNode) root.get("spec").get("config");
        config.remove("rayActors");
        config.remove("groupedJobs");
        ReplayFile file = ReplayFiles.parse(root.toString(), "old.json", REGISTRY);
        assertEquals(0, file.spec().config().intValue("rayActors"));
        assertEquals(0, file.spec().config().intValue("groupedJobs"));
        assertEquals(file.expected().traceHash(),
                Replayer.replay(file, null).result().traceHash());
    }
}
