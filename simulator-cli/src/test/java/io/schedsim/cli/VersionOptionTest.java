package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code --version} works on the root and on every subcommand, with the same one line. */
class VersionOptionTest {
    @TestFactory
    Stream<DynamicTest> everyCommandPrintsTheVersion() {
        CliContext context = new CliContext(CliRun.FAKES, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<String> names = new java.util.ArrayList<>(
                Main.commandLine(context, new ErrorReporter(context)).getSubcommands().keySet());
        assertTrue(names.size() >= 7, names::toString);
        String rootVersion = CliRun.of("--version").out();
        assertTrue(rootVersion.startsWith("schedsim "), rootVersion);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            CliRun run = CliRun.of(name, "--version");
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertEquals(rootVersion, run.out(), run::toString);
        }));
    }
}
