package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The excerpt check fails on a stale excerpt: a doctored trace hash, event count, JSON field or
 * exit status; and passes on what only the machine changes (wall time), elisions and left-out
 * lines. The excerpts are the README's run of SC-2 seed 2 as it was and as it is.
 */
class DocExcerptCheckTest {
    private static final String CURRENT = """
            ```
            $ ./schedsim run nomad-drain-ignore-system --seed 2
            scenario     nomad-drain-ignore-system  seed 2  variant (correct model)
            trace hash   9247a9937ed783c2
            events       161 in 120.002 s simulated, 1 ms wall
            violations   none
            ```
            """;

    @TempDir
    Path scratch;

    private String check(String markdown) {
        List<DocExcerpt> excerpts = DocExcerpt.parse("doc.md", markdown);
        assertEquals(1, excerpts.size(), excerpts::toString);
        return new DocExcerptCheck(DocExcerptsTest.ROOT, scratch).check(excerpts.get(0));
    }

    @Test
    void theCurrentExcerptPassesWhateverItsWallTime() {
        assertNull(check(CURRENT));
    }

    @Test
    void aStaleTraceHashFails() {
        String problem = check(CURRENT.replace("9247a9937ed783c2", "41e3d387d1789973"));
        assertNotNull(problem);
        assertTrue(problem.startsWith("doc.md:2: ./schedsim run nomad-drain-ignore-system --seed 2"
                + "\n  the text shows:     trace hash   41e3d387d1789973\n  the run printed:    "
                + "trace hash   9247a9937ed783c2"), problem);
    }

    @Test
    void aStaleEventCountFails() {
        assertNotNull(check(CURRENT.replace("161 in", "164 in")));
    }

    @Test
    void aStaleJsonFieldFailsAndElisionsPass() {
        String json = """
                ```
                $ ./schedsim run nomad-drain-ignore-system --seed 2 --json
                {
                  "scenario": "nomad-drain-ignore-system",
                  "config": { "nodes": 4, "...": "every knob" },
                  "traceHash": "9247a9937ed783c2",
                  "events": 161,
                  "wallMillis": 1,
                  "...": "the rest",
                  "violations": [],
                }
                ```
                """;
        assertNull(check(json));
        String problem = check(json.replace("\"events\": 161", "\"events\": 164"));
        assertTrue(problem.contains("/events: the text shows 164, the run printed 161"), problem);
        assertNotNull(check(json.replace("\"violations\": []", "\"violations\": [1]")));
    }

    @Test
    void aWrongExitStatusFails() {
        String bad = """
                ```
                $ ./schedsim run ray-chaos --set workers=banana
                schedsim: --set workers: expected int, got 'banana'
                (exit 2)
                ```
                """;
        assertNull(check(bad));
        String problem = check(bad.replace("(exit 2)", "(exit 1)"));
        assertTrue(problem.contains("exit status: the text says 1, the run gave 2"), problem);
    }

    @Test
    void parsingFindsCommandsOutputsAndClaimedExitStatuses() {
        List<DocExcerpt> excerpts = DocExcerpt.parse("d.md", """
                text $ ./schedsim not in a block
                ```
                $ ./schedsim replay 'a file.json' >/dev/null
                schedsim: one
                $ echo $?
                4
                $ ls
                $ ./schedsim scenarios
                ray-chaos  SC-1

                ```
                """);
        assertEquals(2, excerpts.size());
        assertEquals(List.of("replay", "a file.json", ">/dev/null"), excerpts.get(0).words());
        assertEquals(List.of("schedsim: one"), excerpts.get(0).output());
        assertEquals(4, excerpts.get(0).exitCode());
        assertEquals(List.of("ray-chaos  SC-1"), excerpts.get(1).output());
        assertEquals(null, excerpts.get(1).exitCode());
    }
}
