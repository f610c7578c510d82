package io.schedsim.prop.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The oom-unlimited-as-none variant: on ray-retry-counting with OOM kills and Ray's
 * default task_oom_retries -1 its owner gives up at the first OOM kill, which the model's INV-19
 * check and the monitor's AttemptGuard both flag; with a finite task_oom_retries it is the
 * correct model.
 */
class OomVariantTest {
    private static final Scenario COUNTING = Registry.builtIn().scenario("ray-retry-counting");
    private static final Variant VARIANT = BugZoo.all().stream()
            .filter(v -> v.name().equals("oom-unlimited-as-none")).findFirst().orElseThrow();

    @Test
    void givingUpAtTheFirstOomKillTripsInv19() {
        RunResult result = RunSpec.of(COUNTING).withSettings(Map.of("crashCause", "oom"))
                .withVariant(VARIANT).run().result();
        assertEquals("INV-19", result.violations().get(0).invariant(),
                result.violations().toString());
        assertTrue(result.violations().stream().anyMatch(v -> v.invariant().equals("INV-19")
                && v.source().equals(RunResult.Violation.MONITOR)), result.violations().toString());
    }

    @Test
    void aFiniteOomBudgetIsUntouched() {
        for (String variant : List.of("a", "b")) {
            RunResult result = RunSpec.of(COUNTING).withSettings(Map.of("crashCause", "oom",
                    "taskOomRetries", "2", "variant", variant)).withVariant(VARIANT).run()
                    .result();
            assertEquals(List.of(), result.violations(), variant);
        }
    }
}
