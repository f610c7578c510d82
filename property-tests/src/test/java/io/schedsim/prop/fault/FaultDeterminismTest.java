package io.schedsim.prop.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedsim.prop.scenario.OrderingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Determinism under faults (STYLE §2.8 "run twice"): the same chaos-swarm seed gives the same
 * trace hash when run twice in this JVM, under FIFO, random and PCT same-time orderings, and in a
 * fresh JVM, on this JDK and on JDK 25 when it is installed.
 */
class FaultDeterminismTest {
    private static final int SEEDS = 8;
    private static final int CHILD_SEEDS = 5;
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "random", "pct"})
    void sameSeedSameTraceHashInProcess(String kind) {
        OrderingSpec ordering = SwarmRuns.ordering(kind);
        for (long seed = 1; seed <= SEEDS; seed++) {
            String first = SwarmRuns.run(seed, ordering, null).result().traceHash();
            String second = SwarmRuns.run(seed, ordering, null).result().traceHash();
            assertEquals(first, second, kind + " seed " + seed);
        }
    }

    /** The orderings are really applied: some seed's trace differs between them. */
    @Test
    void orderingsChangeTheTrace() {
        int differing = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<String> hashes = new ArrayList<>();
            for (OrderingSpec ordering : SwarmRuns.ORDERINGS) {
                hashes.add(SwarmRuns.run(seed, ordering, null).result().traceHash());
            }
            differing += hashes.stream().distinct().count() == hashes.size() ? 1 : 0;
        }
        assertTrue(differing > 0, "fifo, random and pct gave the same traces on every seed");
    }

    @Test
    void freshJvmGivesTheSameTraceHashes() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(expected(), child(java));
    }

    @Test
    void jdk25GivesTheSameTraceHashes() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "JDK 25 not installed at " + JDK25);
        assertEquals(expected(), child(JDK25));
    }

    private static List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        for (OrderingSpec ordering : SwarmRuns.ORDERINGS) {
            for (long seed = 1; seed <= CHILD_SEEDS; seed++) {
                arguments.add(ordering.kind() + ":" + seed);
            }
        }
        return arguments;
    }

    private static List<String> expected() {
        List<String> lines = new ArrayList<>();
        for (String argument : arguments()) {
            int colon = argument.indexOf(':');
            lines.add(TraceHashMain.line(argument.substring(0, colon),
                    Long.parseLong(argument.substring(colon + 1))));
        }
        return lines;
    }

    private static List<String> child(Path java) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), TraceHashMain.class.getName()));
        command.addAll(arguments());
        Path output = Files.createTempFile("trace-hashes", ".out");
        Path errors = Files.createTempFile("trace-hashes", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).start();
            boolean exited = process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            assertTrue(exited, () -> java + " did not finish; stderr: " + stderr);
            assertEquals(0, process.exitValue(), () -> java + " failed; stderr: " + stderr);
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
