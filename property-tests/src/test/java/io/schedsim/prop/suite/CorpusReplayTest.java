package io.schedsim.prop.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file replays exactly: the run it describes is the run its expected trace hash
 * names, and it violates nothing. The property suite only asks for the second; this keeps
 * {@code schedsim replay} of a corpus file a clean pass. A model change that moves a trace fails
 * here: replay the file with {@code --json} and record its new {@code traceHash}. (JUnit fails a
 * parameterized test that gets no files, so an empty or missing corpus fails too.)
 */
class CorpusReplayTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void replaysExactlyAndCleanly(Path file) {
        ReplayFile replay = ReplayFiles.read(file, Registry.builtIn());
        RunResult result = Replayer.replay(replay, null).result();
        assertEquals(List.of(), result.violations(), file.toString());
        assertEquals(replay.expected().traceHash(), result.traceHash(),
                file + " no longer replays exactly; record its new traceHash");
    }
}
