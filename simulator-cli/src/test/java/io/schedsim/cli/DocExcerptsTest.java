package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code $ ./schedsim ...} excerpt shown with its output in README.md and docs/*.md is run,
 * and what does not depend on the machine must be what the text shows (see
 * {@link DocExcerptCheck}). A model change that moves a trace hash or a count fails here, naming
 * the file and line to update.
 */
class DocExcerptsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path scratch;

    static List<DocExcerpt> excerpts() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocExcerpt> excerpts = new ArrayList<>();
        for (Path file : files) {
            excerpts.addAll(DocExcerpt.parse(ROOT.relativize(file).toString(),
                    Files.readString(file)));
        }
        return excerpts;
    }

    @TestFactory
    Stream<DynamicTest> everyExcerptMatchesARealRun() throws IOException {
        List<DocExcerpt> excerpts = excerpts();
        assertTrue(excerpts.stream().anyMatch(e -> e.file().equals("README.md")
                && e.command().startsWith("./schedsim run ")
                && e.output().stream().anyMatch(l -> l.startsWith("trace hash"))),
                "README shows a run with its trace hash");
        assertTrue(excerpts.stream().anyMatch(e -> e.file().equals("docs/cli.md")),
                "docs/cli.md shows examples");
        DocExcerptCheck check = new DocExcerptCheck(ROOT, scratch);
        return excerpts.stream().filter(e -> !DocExcerptCheck.unchecked(e))
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> assertNull(check.check(e))));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleFileTheDocsNameExists() throws IOException {
        return excerpts().stream().flatMap(e -> e.words().stream()
                .filter(w -> w.startsWith("docs/examples/") && !w.contains("missing"))
                .map(w -> DynamicTest.dynamicTest(e + " " + w,
                        () -> assertFalse(Files.notExists(ROOT.resolve(w)), w))));
    }
}
