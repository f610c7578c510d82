package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.InputException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM options schedsim gives Spark are Spark's own (less the incubator module), the build's
 * test JVMs get them too, and only the Java versions Spark 4.0 supports pass the check.
 */
class SparkJvmTest {
    @Test
    void optionsAreSparksOwnLessTheVectorModule() {
        List<String> spark = new ArrayList<>(Arrays.asList(
                JavaModuleOptions.defaultModuleOptionArray()));
        spark.remove("--add-modules=jdk.incubator.vector");
        assertEquals(spark, SparkJvm.options());
    }

    @Test
    void testJvmRunsWithTheOptions() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : SparkJvm.options()) {
            assertTrue(arguments.contains(option), "the pom's spark.jvm.options lack " + option);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 21})
    void supportedJavaPasses(int feature) {
        assertDoesNotThrow(() -> SparkJvm.checkJava(feature));
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 16, 22, 25})
    void unsupportedJavaIsAnInputErrorSayingSo(int feature) {
        InputException error = assertThrows(InputException.class,
                () -> SparkJvm.checkJava(feature));
        assertTrue(error.getMessage().startsWith("--engine spark: Apache Spark 4.0 runs on Java "
                + "17 to 21, this is Java " + feature), error.getMessage());
    }
}
