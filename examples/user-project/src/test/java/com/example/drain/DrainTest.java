package com.example.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.junit.PropertyCheck;
import io.schedsim.prop.junit.PropertyFailure;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Our property through schedsim's search: Nomad's drainer keeps it over 300 seeds of our
 * scenario; ours breaks it, and the search finds that, shrinks it to at most 3 fault actions and
 * writes a replay file that the launcher reproduces with our classes.
 */
class DrainTest {
    private static final Path FAILURES = Path.of("target", "schedsim-failures").toAbsolutePath();

    @Test
    void nomadsDrainerFinishesEveryDrain() {
        SearchReport report = PropertyCheck.of("nightly-drains").check(new DrainsFinish())
                .tries(300).seconds(120).check();
        assertTrue(report.statistics().faultsFired().getOrDefault("drain", 0L) > 0,
                "no drain fired: the property was never put to the test");
    }

    @Test
    void ourDrainerIsCaughtShrunkAndReplayed(TestInfo info) throws Exception {
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> PropertyCheck
                .of("nightly-drains").variant("off-by-one-drainer").check(new DrainsFinish())
                .tries(300).seconds(120).check());
        Failure found = failure.report().failures().get(0);
        assertEquals("drains-finish", found.invariant());
        assertTrue(found.faultsAfterShrink() <= 3, "shrunk only to " + found.faultsAfterShrink()
                + " fault actions");
        Path file = Path.of(found.replayFile()).toAbsolutePath();
        assertEquals(FAILURES, file.getParent());
        assertTrue(Files.isRegularFile(file), file::toString);

        // The failure names the commands for this project; run the launcher's as printed.
        String message = failure.getMessage();
        String method = info.getTestMethod().orElseThrow().getName();
        assertTrue(message.contains("replay this property: mvn test -Dtest=DrainTest#" + method
                + " -Dschedsim.replay=" + file + "\n"), message);
        String replay = lineAfter(message, "replay on the command line: ");
        assertTrue(replay.startsWith("./schedsim replay " + file + " --classpath "), replay);
        Path launcher = Path.of(System.getProperty("schedsim.launcher")).toRealPath();
        Process process = new ProcessBuilder("bash", "-c", replay)
                .directory(launcher.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the replay did not end");
        assertEquals(1, process.exitValue(), out);
        assertTrue(out.contains("\n  drains-finish [check] at "), out);
        assertTrue(out.contains("reproduced   yes: the recorded trace hash and invariant"), out);
    }

    private static String lineAfter(String text, String prefix) throws IOException {
        int at = text.indexOf(prefix);
        if (at < 0) {
            throw new IOException("no '" + prefix + "' in:\n" + text);
        }
        int end = text.indexOf('\n', at);
        return text.substring(at + prefix.length(), end < 0 ? text.length() : end).trim();
    }
}
