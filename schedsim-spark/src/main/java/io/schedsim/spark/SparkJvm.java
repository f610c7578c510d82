package io.schedsim.spark;

import io.schedsim.prop.scenario.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What Spark needs of the JVM it runs in: a Java version it supports, and the options its own
 * launcher adds on JDK 17 and later ({@code jvm-options.txt}, which {@code ./schedsim} reads too).
 */
public final class SparkJvm {
    /** Spark 4.0 is built and tested on Java 17 and 21 (spark.apache.org/docs/4.0.1). */
    static final int JAVA_MIN = 17;
    static final int JAVA_MAX = 21;
    private static final String OPTIONS = "jvm-options.txt";

    private SparkJvm() {}

    /** Throws an {@link InputException} unless Spark supports Java {@code feature}. */
    public static void checkJava(int feature) {
        if (feature < JAVA_MIN || feature > JAVA_MAX) {
            throw new InputException("--engine spark: Apache Spark 4.0 runs on Java 17 to 21, "
                    + "this is Java " + feature + "; set JAVA_HOME to a JDK 17 or 21");
        }
    }

    /**
     * The JVM options for a Spark driver, master, worker or executor: {@code --add-opens} for the
     * JDK internals Spark reaches into, and {@code -Djdk.reflect.useDirectMethodHandle=false}.
     * Spark's launcher also adds {@code --add-modules=jdk.incubator.vector}, left out here: only
     * Spark SQL uses it, and it prints a warning at every JVM start.
     */
    public static List<String> options() {
        try (InputStream in = SparkJvm.class.getResourceAsStream(OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
