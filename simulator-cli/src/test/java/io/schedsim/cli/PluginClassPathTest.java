package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's plugin outside the project (src/test/fixtures/user-plugin, compiled here into a
 * temporary directory with its META-INF/services entry) reaches every command through {@code
 * --classpath}: its variant, scenario and check are listed, run, swept, shrunk, filed by name and
 * provider, and replayed; without its classes the replay is exit 2 naming the class.
 */
class PluginClassPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src", "test", "fixtures", "user-plugin");
    private static final String PLUGIN = "com.example.fixture.FixturePlugin";

    @TempDir
    static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileThePlugin() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        assertEquals(0, status, errors::toString);
        Path services = Files.createDirectories(classes.resolve("META-INF").resolve("services"));
        Files.writeString(services.resolve("io.schedsim.prop.plugin.SchedsimPlugin"),
                PLUGIN + "\n");
    }

    @Test
    void variantsAndScenariosListThePluginsOnes() throws IOException {
        CliRun variants = CliRun.builtIn("variants", "--json", "--classpath", classes.toString());
        assertEquals(ExitCode.OK, variants.exitCode(), variants::toString);
        JsonNode last = last(JSON.readTree(variants.out()));
        assertEquals("fixture-system-stopper", last.get("name").asText());
        assertEquals(PLUGIN, last.get("provider").asText());
        assertEquals("fixture-drains", last.get("scenario").asText());
        assertEquals("INV-7", last.get("guard").asText());
        CliRun scenarios = CliRun.builtIn("scenarios", "--classpath", classes.toString());
        assertTrue(scenarios.out().lines().anyMatch(line -> line.startsWith("fixture-drains ")),
                scenarios::toString);
        CliRun without = CliRun.builtIn("run", "fixture-drains");
        assertEquals(ExitCode.INPUT, without.exitCode(), without::toString);
        assertTrue(without.err().startsWith("schedsim: unknown scenario 'fixture-drains'"));
    }

    /**
     * A Maven project's test-classes brings its sibling classes: here the plugin's classes sit in
     * target/classes and only its service entry in target/test-classes, so naming test-classes
     * alone (as a property's failure message does) finds the plugin only through that rule.
     */
    @Test
    void testClassesBringTheirSiblingMainClasses() throws IOException {
        Path target = dir.resolve("project").resolve("target");
        Path main = Files.createDirectories(target.resolve("classes"));
        Path test = Files.createDirectories(target.resolve("test-classes"));
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = classes.relativize(file);
                Path into = relative.startsWith("META-INF") ? test : main;
                Files.createDirectories(into.resolve(relative).getParent());
                Files.copy(file, into.resolve(relative));
            }
        }
        CliRun variants = CliRun.builtIn("variants", "--json", "--classpath", test.toString());
        assertEquals(ExitCode.OK, variants.exitCode(), variants::toString);
        assertEquals("fixture-system-stopper",
                last(JSON.readTree(variants.out())).get("name").asText());
        CliRun both = CliRun.builtIn("variants", "--json", "--classpath",
                test + java.io.File.pathSeparator + main);
        assertEquals(variants.out(), both.out(), "listing classes too changes nothing");
    }

    @Test
    void theUsersVariantIsSweptFiledByProviderAndReplayedWithItsClasses() throws IOException {
        CliRun sweep = CliRun.builtIn("sweep", "fixture-drains", "--variant",
                "fixture-system-stopper", "--seeds", "1..40", "--threads", "2", "--out",
                dir.toString(), "--json", "--classpath", classes.toString());
        assertEquals(ExitCode.VIOLATION, sweep.exitCode(), sweep::toString);
        JsonNode failure = JSON.readTree(sweep.out()).at("/failures/0");
        assertEquals("INV-7", failure.get("invariant").asText(), sweep::toString);
        Path file = Path.of(failure.get("replayFile").asText());
        JsonNode spec = JSON.readTree(file.toFile()).get("spec");
        assertEquals(PLUGIN, spec.at("/scenario/provider").asText());
        assertEquals("fixture-system-stopper", spec.at("/variant/name").asText());
        assertEquals(PLUGIN, spec.at("/variant/provider").asText());

        CliRun replay = CliRun.builtIn("replay", file.toString(), "--json", "--classpath",
                classes.toString());
        assertEquals(ExitCode.VIOLATION, replay.exitCode(), replay::toString);
        assertTrue(JSON.readTree(replay.out()).get("reproduced").asBoolean(), replay::toString);

        CliRun lacking = CliRun.builtIn("replay", file.toString(), "--classpath", dir.toString());
        assertEquals(ExitCode.INPUT, lacking.exitCode(), lacking::toString);
        assertEquals(List.of("schedsim: replay file " + file + ": field 'spec.scenario': class "
                + PLUGIN + " not found (add it with --classpath)"), lacking.errLines());
        assertEquals("", lacking.out());
    }

    @Test
    void theUsersCheckIsSearchedShrunkFiledAndReplayed() throws IOException {
        CliRun sweep = CliRun.builtIn("sweep", "fixture-drains", "--check",
                "fixture-no-node-down", "--seeds", "1..16", "--threads", "2", "--out",
                dir.toString(), "--json", "--classpath", classes.toString());
        assertEquals(ExitCode.VIOLATION, sweep.exitCode(), sweep::toString);
        JsonNode failure = JSON.readTree(sweep.out()).at("/failures/0");
        assertEquals("fixture-no-node-down", failure.get("invariant").asText());
        assertTrue(failure.get("faultsAfterShrink").asInt() <= 2, failure::toString);
        Path file = Path.of(failure.get("replayFile").asText());
        JsonNode check = JSON.readTree(file.toFile()).at("/spec/checks/0");
        assertEquals("fixture-no-node-down", check.get("name").asText());
        assertEquals(PLUGIN, check.get("provider").asText());

        CliRun replay = CliRun.builtIn("replay", file.toString(), "--json", "--classpath",
                classes.toString());
        assertEquals(ExitCode.VIOLATION, replay.exitCode(), replay::toString);
        JsonNode result = JSON.readTree(replay.out());
        assertTrue(result.get("reproduced").asBoolean(), replay::toString);
        assertEquals("fixture-no-node-down", result.at("/violations/0/invariant").asText());

        long seed = failure.get("seed").asLong();
        CliRun run = CliRun.builtIn("run", "fixture-drains", "--seed", String.valueOf(seed),
                "--check", "fixture-no-node-down", "--json", "--classpath", classes.toString());
        assertEquals(ExitCode.VIOLATION, run.exitCode(), run::toString);
        assertEquals("fixture-no-node-down",
                JSON.readTree(run.out()).at("/violations/0/invariant").asText());
    }

    @Test
    void aFreshJvmAndANotebookSeeThePluginToo() throws IOException {
        CliRun check = CliRun.builtIn("check-determinism", "fixture-drains", "--variant",
                "fixture-system-stopper", "--seed", "3", "--fresh-jvm", "--classpath",
                classes.toString());
        assertEquals(ExitCode.OK, check.exitCode(), check::toString);
        Path notebook = Files.writeString(dir.resolve("user.jsh"), "var run = Scenarios"
                + ".of(\"fixture-drains\").variant(\"fixture-system-stopper\").seed(3).run();\n"
                + "System.out.println(\"hash \" + run.traceHash());\n");
        CliRun jshell = CliRun.builtIn("jshell", notebook.toString(), "--classpath",
                classes.toString());
        assertEquals(ExitCode.OK, jshell.exitCode(), jshell::toString);
        String hash = JSON.readTree(CliRun.builtIn("run", "fixture-drains", "--variant",
                "fixture-system-stopper", "--seed", "3", "--json", "--classpath",
                classes.toString()).out()).get("traceHash").asText();
        assertTrue(jshell.out().contains("hash " + hash), jshell::toString);
    }

    @Test
    void badClassPathsAndNamesAreExitTwo() {
        CliRun missing = CliRun.builtIn("variants", "--classpath", dir.resolve("nope").toString());
        assertEquals(ExitCode.INPUT, missing.exitCode(), missing::toString);
        assertEquals(List.of("schedsim: --classpath: no such file or directory: "
                + dir.resolve("nope")), missing.errLines());
        CliRun check = CliRun.builtIn("run", "chaos-swarm", "--check", "nope");
        assertEquals(ExitCode.INPUT, check.exitCode(), check::toString);
        assertTrue(check.err().startsWith("schedsim: --check: unknown check 'nope'"),
                check::toString);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
