package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --master} values: Spark's URL forms pass, anything else is exit 2 before Spark starts. */
class MasterUrlTest {
    @ParameterizedTest
    @CsvSource({
        "local, true", "'local[*]', true", "'local[2]', true", "'local[4,3]', true",
        "'local-cluster[2,1,512]', false", "spark://127.0.0.1:7077, false",
        "'spark://a:7077,b:7077', false", "yarn, false", "k8s://https://10.0.0.1:6443, false"})
    void sparkMasterUrlsPass(String master, boolean local) {
        assertEquals(master, MasterUrl.check(master));
        assertEquals(local, MasterUrl.isLocal(master));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "local[0]", "local[two]", "spark:/host", "mesos://host:5050",
        "http://host:7077", "threads"})
    void otherValuesAreInputErrors(String master) {
        InputException error = assertThrows(InputException.class, () -> MasterUrl.check(master));
        assertTrue(error.getMessage().startsWith("--master: not a Spark master URL: '" + master
                + "'"), error.getMessage());
    }
}
