package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jshell with notebooks: snippets run in order with the startup imports, their output goes to
 * stdout, and the first snippet that does not compile or throws stops the run with exit 1 and its
 * file and line on stderr.
 */
class JshellCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsSnippetsWithTheStartupImports() throws IOException {
        Path notebook = Files.writeString(dir.resolve("ok.jsh"), String.join("\n",
                "// a comment",
                "int x = 6 * 7;",
                "System.out.println(\"answer \" + x);",
                "var run = Scenarios.nomadDrainIgnoreSystem().set(\"nodes\", 3).seed(2).run();",
                "System.out.println(run.violated() ? \"violated\" : \"clean\");",
                "Table.of(\"a\", \"b\").row(1, \"x\").print();",
                "/* block */ String s = \"ünïcødé\"; System.out.println(s)",
                ""));
        CliRun run = CliRun.builtIn("jshell", notebook.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals(List.of("answer 42", "clean", "a  b", "-  -", "1  x", "ünïcødé"),
                run.out().lines().toList());
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void aCompileErrorStopsWithItsLine() throws IOException {
        Path notebook = Files.writeString(dir.resolve("bad.jsh"),
                "System.out.println(\"before\");\n\nint y = undefinedThing;\n"
                        + "System.out.println(\"after\");\n");
        CliRun run = CliRun.builtIn("jshell", notebook.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals("before\n", run.out());
        assertEquals(List.of("schedsim: jshell: " + notebook + ":3: does not compile: cannot "
                + "find symbol"), run.errLines());
    }

    @Test
    void anExceptionStopsWithItsLine() throws IOException {
        Path notebook = Files.writeString(dir.resolve("throws.jsh"),
                "int a = 1;\nif (a == 1) {\n    throw new IllegalStateException(\"boom\");\n}\n");
        CliRun run = CliRun.builtIn("jshell", notebook.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals(List.of("schedsim: jshell: " + notebook + ":2: threw "
                + "IllegalStateException: boom"), run.errLines());
    }

    @Test
    void aBadKnobInANotebookIsNamed() throws IOException {
        Path notebook = Files.writeString(dir.resolve("knob.jsh"),
                "Scenarios.rayChaos().set(\"workerz\", 3);\n");
        CliRun run = CliRun.builtIn("jshell", notebook.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("schedsim: jshell: " + notebook + ":1: threw "
                + "InputException: set workerz: unknown key for scenario ray-chaos"),
                run::toString);
    }

    @Test
    void exitStopsANotebookAndOtherCommandsAreRefused() throws IOException {
        Path first = Files.writeString(dir.resolve("a.jsh"),
                "System.out.println(1);\n/exit\nSystem.out.println(2);\n");
        Path second = Files.writeString(dir.resolve("b.jsh"), "System.out.println(3);\n/vars\n");
        CliRun run = CliRun.builtIn("jshell", first.toString(), second.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals("1\n3\n", run.out());
        assertEquals(List.of("schedsim: jshell: " + second + ":2: jshell commands are not run "
                + "in notebooks: /vars"), run.errLines());
    }

    @Test
    void unreadableNotebooksAreInputErrorsBeforeAnythingRuns() throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsh"), "System.out.println(1);\n");
        CliRun run = CliRun.builtIn("jshell", good.toString(), dir.toString());
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(List.of("schedsim: jshell: cannot read " + dir + ": not a regular file"),
                run.errLines());
        assertFalse(run.err().contains("Exception"));
    }
}
