package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.plugin.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SC-1's kills fall inside the workload at any scale. A short workload (here 100,000 tasks on
 * 1,000 workers: about 11 s of work) used to finish before the first 60 s window's kill, so
 * nothing was lost and the second kill was not detected before the run ended.
 */
class RayChaosKillWindowTest {
    private static ScenarioConfig config(String... settings) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            overrides.put(pair[0], pair[1]);
        }
        return Registry.builtIn().scenario("ray-chaos").configWith(overrides);
    }

    @Test
    void theIntervalShrinksSoMaxKillsPlusOneFitInTheExpectedWorkload() {
        assertEquals(270_000, RayChaos.expectedWorkloadMillis(config()));
        assertEquals(60_000, RayChaos.killIntervalMillis(config()), "the defaults already fit");
        ScenarioConfig short1 = config("workers=1000", "tasks=100000");
        assertEquals(11_250, RayChaos.expectedWorkloadMillis(short1));
        assertEquals(3_750, RayChaos.killIntervalMillis(short1));
        assertEquals(1, RayChaos.killIntervalMillis(config("tasks=1", "holdMillis=0",
                "childCpuMillis=0")), "never below 1 ms");
        assertEquals(5_000, RayChaos.killIntervalMillis(config("killIntervalMillis=5000")));
    }

    @Test
    void aShortWorkloadLosesWorkToBothKillsAndDetectsBoth() {
        RunResult result = ScenarioRuns.runClean("ray-chaos", 1, "workers=1000", "tasks=100000")
                .result();
        List<?> killTimes = (List<?>) result.resolved().get("killAtMillis");
        assertEquals(2, killTimes.size());
        for (Object at : killTimes) {
            assertTrue(((Number) at).longValue() < 11_250, "kill at " + at + " ms");
        }
        assertEquals(2, result.nodes().killed());
        assertEquals(2, result.latencyMillis().get("failureDetection").count(), result::toString);
        assertTrue(result.tasks().lost() > 0, result::toString);
        assertEquals(100_000, result.tasks().completed());
        assertEquals("END_CONDITION", result.stopReason());
    }
}
