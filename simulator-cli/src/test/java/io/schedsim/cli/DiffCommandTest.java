package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff runs two replay files, B with --seed and --set applied, and names the first event at which
 * their hash chains differ: exit 0 identical, 1 divergent, 2 bad input with nothing written. The
 * file is the bug zoo's shrunk per-node-max-parallel failure (378 events, INV-4 at 205.835 s).
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHRUNK = Path.of("..", "docs", "examples",
            "chaos-swarm-per-node-max-parallel-seed25-INV-4.json").toString();

    @TempDir
    Path dir;

    @Test
    void aFileAgainstItselfIsIdentical() {
        CliRun run = CliRun.of("diff", SHRUNK, SHRUNK);
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("identical    trace hash f5187e208cdad03d over 378 events"),
                run::toString);
        assertEquals("", run.err());
    }

    @Test
    void anOverrideOfBNamesTheFirstDivergentEventOfBoth() throws IOException {
        CliRun run = CliRun.of("diff", SHRUNK, SHRUNK, "--set", "nodes=5", "--json");
        assertEquals(ExitCode.DIVERGED, run.exitCode(), run::toString);
        JsonNode diff = JSON.readTree(run.out());
        assertFalse(diff.get("identical").asBoolean());
        assertEquals("f5187e208cdad03d", diff.at("/a/traceHash").asText());
        assertEquals(0, diff.at("/a/overrides").size(), "A takes no override");
        assertEquals(5, diff.at("/b/overrides/nodes").asInt());
        assertNotEquals("f5187e208cdad03d", diff.at("/b/traceHash").asText());
        long index = diff.at("/divergence/event").asLong();
        JsonNode a = diff.at("/divergence/a");
        JsonNode b = diff.at("/divergence/b");
        assertEquals(index, a.get("i").asLong());
        assertEquals(index, b.get("i").asLong());
        assertNotEquals(a.get("hash").asText(), b.get("hash").asText());
        assertTrue(a.has("tNanos") && a.has("kind") && a.has("entity") && a.has("payload"));
        CliRun text = CliRun.of("diff", SHRUNK, SHRUNK, "--set", "nodes=5");
        assertEquals(ExitCode.DIVERGED, text.exitCode(), text::toString);
        assertTrue(text.out().contains("diverged     at event #" + index + "\n"), text::toString);
        assertTrue(text.out().contains("  A  t=") && text.out().contains(a.get("kind").asText()),
                text::toString);
        assertTrue(text.out().contains("  B  t=") && text.out().contains(b.get("kind").asText()),
                text::toString);
    }

    @Test
    void seedReplacesBsSeedOnly() throws IOException {
        CliRun run = CliRun.of("diff", SHRUNK, SHRUNK, "--seed", "26", "--json");
        assertEquals(ExitCode.DIVERGED, run.exitCode(), run::toString);
        JsonNode diff = JSON.readTree(run.out());
        assertEquals(25, diff.at("/a/seed").asLong());
        assertEquals(26, diff.at("/b/seed").asLong());
    }

    @Test
    void timelineDrawsBothRunsAndTheDivergence() throws IOException {
        Path page = dir.resolve("diff.html");
        CliRun run = CliRun.of("diff", SHRUNK, SHRUNK, "--set", "nodes=5", "--timeline",
                page.toString());
        assertEquals(ExitCode.DIVERGED, run.exitCode(), run::toString);
        String html = Files.readString(page);
        assertEquals(4, html.split("<svg ", -1).length - 1, "A, B, and both around the event");
        assertTrue(html.contains("<title>A: schedsim chaos-swarm  seed 25"));
        assertTrue(html.contains("<title>B: schedsim chaos-swarm  seed 25"));
        assertTrue(html.contains(">divergence</text>"));
        assertEquals(List.of(page), listing());

        Path same = dir.resolve("same.html");
        CliRun identical = CliRun.of("diff", SHRUNK, SHRUNK, "--timeline", same.toString());
        assertEquals(ExitCode.OK, identical.exitCode(), identical::toString);
        String sameHtml = Files.readString(same);
        assertEquals(2, sameHtml.split("<svg ", -1).length - 1);
        assertFalse(sameHtml.contains(">divergence</text>"));
    }

    @Test
    void badInputIsOneLineExitTwoAndNoFile() throws IOException {
        Path page = dir.resolve("diff.html");
        String timeline = page.toString();
        String[][] cases = {
            {"diff", SHRUNK, SHRUNK, "--set", "bogus=1", "--timeline", timeline},
            {"diff", SHRUNK, SHRUNK, "--set", "nodes=0", "--timeline", timeline},
            {"diff", SHRUNK, SHRUNK, "--set", "nodes=many", "--timeline", timeline},
            {"diff", SHRUNK, SHRUNK, "--seed", "x", "--timeline", timeline},
            {"diff", SHRUNK, dir.resolve("missing.json").toString(), "--timeline", timeline},
            {"diff", SHRUNK, "--timeline", timeline},
            {"diff", SHRUNK, SHRUNK, "--timeline", dir.resolve("no/such/dir.html").toString()},
            // The shrunk plan drains node 4: a three-node B (slots 0..3) does not have it.
            {"diff", SHRUNK, SHRUNK, "--set", "nodes=3", "--timeline", timeline}};
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().startsWith("schedsim: "), run::toString);
            assertEquals("", run.out(), run::toString);
            assertEquals(List.of(), listing(), String.join(" ", args));
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
