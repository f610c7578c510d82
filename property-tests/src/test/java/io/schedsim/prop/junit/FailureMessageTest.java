package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.search.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A failing property names the commands that replay it in the project it ran in: this module of
 * schedsim's build, selected with {@code -pl} from the top, and the launcher with the module's
 * own classes. A check the command line cannot find by name is said to be so.
 */
class FailureMessageTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir",
            System.getProperty("user.dir"))).toAbsolutePath().normalize();

    @Test
    void aFailureNamesCommandsThatReplayItHere(TestInfo info) {
        PropertyFailure thrown = assertThrows(PropertyFailure.class, () -> PropertyCheck
                .of("chaos-swarm").variant("ignore-system-ignored").properties(Map.of())
                .tries(40).seconds(120).check());
        assertFalse(thrown.report().failures().isEmpty());
        String message = thrown.getMessage();
        assertTrue(message.contains("; budget 40 seeds from 1 within 120 s (the test's own "
                + "budget)\n"), message);
        String method = info.getTestMethod().orElseThrow().getName();
        for (Failure failure : thrown.report().failures()) {
            Path file = Path.of(failure.replayFile()).toAbsolutePath();
            assertTrue(Files.isRegularFile(file), file::toString);
            assertTrue(message.contains("    replay this property: mvn -pl "
                    + BASEDIR.getFileName() + " -am test -Dtest=FailureMessageTest#" + method
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dschedsim.replay=" + file
                    + "\n      (in " + BASEDIR.getParent() + ")\n"), message);
            assertTrue(message.contains("    replay on the command line: ./schedsim replay "
                    + file + " --classpath " + BASEDIR.resolve("target/test-classes") + ":"
                    + BASEDIR.resolve("target/classes") + "\n"), message);
        }
        assertFalse(message.contains("which cannot find"), message);
    }

    @Test
    void aCheckMadeFromAFunctionCannotBeReplayedByTheLauncherAndTheMessageSaysSo() {
        PropertyFailure thrown = assertThrows(PropertyFailure.class, () -> PropertyCheck
                .of("chaos-swarm").oracle("never-holds", run -> "by construction")
                .properties(Map.of()).tries(1).check());
        assertEquals(1, thrown.report().failures().size());
        assertEquals("never-holds", thrown.report().failures().get(0).invariant());
        assertTrue(thrown.getMessage().contains("      which cannot find check 'never-holds': "
                + "register it with a SchedsimPlugin (META-INF/services)\n"),
                thrown.getMessage());
    }
}
