package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedsim.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a JDK that Spark 4.0 does not support, {@code sweep --engine spark} is exit 2 with one line
 * saying so, and nothing of Spark runs. Needs such a JDK next to this one (e.g. a JDK 25 under
 * {@code /usr/lib/jvm}, or {@code -Dschedsim.test.unsupportedJavaHome=DIR}); skipped otherwise.
 */
class UnsupportedJavaIT {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    @TempDir
    Path dir;

    @Test
    void sparkOnAnUnsupportedJdkIsExitTwoSayingSo() throws IOException, InterruptedException {
        Optional<Path> javaHome = unsupportedJavaHome();
        assumeTrue(javaHome.isPresent(), "no JDK newer than 21 found");
        // As ./schedsim runs it there: without Spark's options, which a newer JDK warns about.
        List<String> command = new ArrayList<>(List.of(
                javaHome.get().resolve("bin").resolve("java").toString()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sweep", "chaos-swarm", "--seeds", "1..2", "--engine",
                "spark", "--out", dir.toString()));
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            child.waitFor(60, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        int feature = feature(javaHome.get());
        assertEquals("schedsim: --engine spark: Apache Spark 4.0 runs on Java 17 to 21, this is "
                + "Java " + feature + "; set JAVA_HOME to a JDK 17 or 21\n",
                Files.readString(stderr));
        assertEquals(2, child.exitValue());
    }

    private static Optional<Path> unsupportedJavaHome() throws IOException {
        String named = System.getProperty("schedsim.test.unsupportedJavaHome");
        if (named != null) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) > SparkJvm.JAVA_MAX).sorted().findFirst();
        }
    }

    private static int feature(Path javaHome) {
        try {
            Matcher version = VERSION.matcher(Files.readString(javaHome.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
