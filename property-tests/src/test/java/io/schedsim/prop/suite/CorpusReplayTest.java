package io.schedsim.prop.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file replays exactly: the run it describes is the run its expected trace hash
 * names, and it violates nothing. The property suite only asks for the second; this keeps
 * {@code schedsim replay} of a corpus file a clean pass. A model change that moves a trace fails
 * here: replay the file with {@code --json} and record its new {@code traceHash}. (JUnit fails a
 * parameterized test that gets no files, so an empty or missing corpus fails too.) The corpus
 * keeps files of both formats: those of {@code schedsim-replay/1} prove that old files still
 * load and reproduce, as HdrHistogram keeps logs of its old formats.
 */
class CorpusReplayTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void bothFormatsAreKept() throws IOException {
        Map<String, Long> formats = new TreeMap<>();
        for (Path file : corpusFiles()) {
            formats.merge(ReplayFiles.read(file, Registry.builtIn()).format(), 1L, Long::sum);
        }
        assertTrue(formats.getOrDefault(ReplayFile.FORMAT_1, 0L) >= 3, formats::toString);
        assertTrue(formats.getOrDefault(ReplayFile.FORMAT, 0L) >= 3, formats::toString);
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
