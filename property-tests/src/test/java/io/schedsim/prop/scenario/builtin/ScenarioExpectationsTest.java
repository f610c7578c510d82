package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.HeartbeatReceived;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scenario expectations (issue 14 item 2) are judged by every run: SC-12's bounds, computed
 * from the knobs, fire on a detection outside them and on a node no fault touched; the correct
 * model meets them in every case; a run that breaks one reports it under the scenario's id with
 * source {@code expectation}.
 */
class ScenarioExpectationsTest {
    private static final long S = 1_000_000_000L;
    private static final Scenario BOUNDS = Registry.builtIn().scenario("detection-bounds");

    private static ScenarioConfig config(String picked) {
        return BOUNDS.configWith(Map.of("case", picked));
    }

    private static HistoryEvent down(int node, long atSeconds) {
        return new NodeStatusChanged(atSeconds * S, node, NodeStatus.DOWN, "test");
    }

    @Test
    void caseABoundsComeFromTheKnobs() {
        // Defaults: 5 checks of 10 s timeout + 3 s period = 65 s after the kill at 60 s, ± 3 s.
        assertNull(ScenarioExpectations.detectionBounds(config("a"), List.of(down(1, 125))));
        assertNotNull(ScenarioExpectations.detectionBounds(config("a"), List.of(down(1, 100))));
        assertNotNull(ScenarioExpectations.detectionBounds(config("a"), List.of(down(1, 130))));
        assertNotNull(ScenarioExpectations.detectionBounds(config("a"), List.of()));
        assertTrue(ScenarioExpectations.detectionBounds(config("a"),
                List.of(down(1, 125), down(2, 126))).contains("no fault touched it"));
        ScenarioConfig faster = BOUNDS.configWith(Map.of("case", "a",
                "healthCheckFailureThreshold", "2"));
        assertNull(ScenarioExpectations.detectionBounds(faster, List.of(down(1, 86))));
    }

    @Test
    void caseCAndETimeFromHeartbeatsAndFailover() {
        HistoryEvent beat = new HeartbeatReceived(59 * S, 0, 10 * S);
        assertNull(ScenarioExpectations.detectionBounds(config("c"), List.of(beat, down(0, 84))));
        assertNotNull(ScenarioExpectations.detectionBounds(config("c"),
                List.of(beat, down(0, 75))));
        // The failover at 65 s: nobody down before 365 s.
        assertNull(ScenarioExpectations.detectionBounds(config("e"), List.of(down(0, 365))));
        assertTrue(ScenarioExpectations.detectionBounds(config("e"), List.of(down(0, 90)))
                .contains("INV-11"));
    }

    @Test
    void caseDTimesFromTheLastHeartbeatAndTheKill() {
        // Defaults 1 s × 30: DEAD 29..30 s after the last received heartbeat, by 91 s (kill 60 s).
        HistoryEvent beat = new HeartbeatReceived(60 * S, 1, 30 * S);
        assertNull(ScenarioExpectations.detectionBounds(config("d"), List.of(beat, down(1, 89))));
        assertNull(ScenarioExpectations.detectionBounds(config("d"), List.of(beat, down(1, 90))));
        assertTrue(ScenarioExpectations.detectionBounds(config("d"), List.of(beat, down(1, 88)))
                .contains("R-9"));
        assertNotNull(ScenarioExpectations.detectionBounds(config("d"),
                List.of(beat, down(1, 91))));
        assertNotNull(ScenarioExpectations.detectionBounds(config("d"), List.of(beat)));
        assertTrue(ScenarioExpectations.detectionBounds(config("d"),
                List.of(beat, down(1, 90), down(2, 91))).contains("no fault touched it"));
    }

    @Test
    void theCorrectModelMeetsItsExpectationsInEveryCase() {
        for (String picked : List.of("a", "b", "c", "d", "e")) {
            for (long seed = 1; seed <= 3; seed++) {
                RunResult result = RunSpec.of(BOUNDS).withSettings(Map.of("case", picked))
                        .withSeed(seed).run().result();
                assertEquals(List.of(), result.violations(), picked + " seed " + seed);
            }
        }
    }

    @Test
    void aBrokenPromiseIsReportedUnderTheScenariosId() {
        // Case a with the kill after the run's end: worker 1 is never found dead.
        RunResult result = RunSpec.of(BOUNDS).withSettings(Map.of("case", "a",
                "observeMillis", "20000")).run().result();
        RunResult.Violation first = result.violations().get(0);
        assertEquals("SC-12", first.invariant());
        assertEquals(RunResult.Violation.EXPECTATION, first.source());
    }
}
