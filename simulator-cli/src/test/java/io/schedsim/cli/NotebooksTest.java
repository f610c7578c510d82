package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in the repository's {@code notebooks/} runs clean through {@code schedsim jshell}
 * (as acceptance check 06 and CI run them): exit 0, at least three lines, no error, a
 * "Reading:" line that interprets the numbers, and no temporary folder of its own left behind.
 */
class NotebooksTest {
    private static final Path NOTEBOOKS = Path.of("..", "notebooks");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsClean() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 2, "notebooks: " + notebooks);
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(
                notebook.getFileName().toString(), () -> {
                    CliRun run = CliRun.builtIn("jshell", notebook.toString());
                    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
                    assertTrue(run.out().lines().filter(l -> !l.isBlank()).count() >= 3,
                            run::toString);
                    String all = (run.out() + run.err()).toLowerCase(Locale.ROOT);
                    assertFalse(all.contains("exception") || all.contains("error:"),
                            run::toString);
                    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("Reading: ")),
                            () -> "a notebook says what its numbers mean\n" + run);
                    String source = Files.readString(notebook);
                    assertFalse(source.contains("createTempDirectory")
                            || source.contains("createTempFile"),
                            "temporary files go in a TempFolder, deleted at the end");
                }));
    }
}
