package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's section "Test your own scheduler component" shows real code: every line of its
 * Java excerpts (a "..." line elides) is a line of examples/user-project, in the same order
 * within one file, so the excerpts cannot drift from the code CI builds and runs.
 */
class ExampleExcerptsTest {
    private static final Path ROOT = DocExcerptsTest.ROOT;
    private static final String SECTION = "## Test your own scheduler component";

    @Test
    void everyJavaExcerptIsCodeOfTheExampleProject() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples/user-project/src"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .toList()) {
                sources.add(Files.readAllLines(file).stream().map(String::strip)
                        .filter(line -> !line.isEmpty()).toList());
            }
        }
        List<List<String>> excerpts = javaExcerpts(Files.readString(ROOT.resolve("README.md")));
        assertEquals(4, excerpts.size(), "Java excerpts in the README's section");
        for (List<String> excerpt : excerpts) {
            assertTrue(sources.stream().anyMatch(source -> inOrder(excerpt, source)),
                    "not code of examples/user-project, line for line:\n"
                            + String.join("\n", excerpt));
        }
    }

    /** The stripped, non-blank lines of each ```java block in the section (blank lines, like the
     * sources', are left out). */
    private static List<List<String>> javaExcerpts(String readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README has no section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + SECTION.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : section.split("\n")) {
            if (line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (line.strip().startsWith("```")) {
                if (block != null) {
                    blocks.add(block);
                }
                block = null;
            } else if (block != null && !line.isBlank()) {
                block.add(line.strip());
            }
        }
        return blocks;
    }

    /** True when the excerpt's lines occur in the source in order ("..." skips any lines). */
    private static boolean inOrder(List<String> excerpt, List<String> source) {
        int at = 0;
        boolean skipping = false;
        for (String line : excerpt) {
            if (line.equals("...")) {
                skipping = true;
                continue;
            }
            int found = source.subList(at, source.size()).indexOf(line);
            if (found < 0 || (!skipping && found != 0 && at > 0)) {
                return false;
            }
            at += found + 1;
            skipping = false;
        }
        return true;
    }
}
