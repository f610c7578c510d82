package io.schedsim.prop.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.plugin.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every knob of every built-in scenario explains itself (a description; a unit for numbers; the
 * allowed values for choices), and the case knob that used to be called {@code variant} answers
 * to both names with the same meaning.
 */
class KnobsDocumentedTest {
    @Test
    void everyKnobHasADescriptionAndEveryNumberAUnit() {
        for (Scenario scenario : Registry.builtIn().scenarios()) {
            for (Knob knob : scenario.knobs()) {
                String where = scenario.name() + " " + knob.name();
                assertFalse(knob.description() == null || knob.description().isBlank(), where);
                if (knob.isNumeric()) {
                    assertNotNull(knob.unit(), where + " has no unit");
                    assertTrue(knob.min() <= knob.max(), where);
                } else {
                    assertNull(knob.unit(), where + ": a flag or choice has no unit");
                }
                if (knob.type() == KnobType.STRING) {
                    assertTrue(knob.allowed().contains(knob.defaultValue()), where);
                }
            }
        }
    }

    @Test
    void unitsComeFromTheNameWhereTheNameStatesOne() {
        assertEquals(Knob.MILLISECONDS, Knob.ofLong("drainAtMillis", 1, 0, 2, "d").unit());
        assertEquals(Knob.MILLISECONDS, Knob.ofLong("networkDelayMillisMax", 1, 0, 2, "d").unit());
        assertEquals(Knob.CPU_MILLICORES, Knob.ofLong("batchCpuMilli", 1, 0, 2, "d").unit());
        assertNull(Knob.ofInt("nodes", 1, 0, 2, "d").unit());
        assertEquals("nodes", Knob.ofInt("nodes", 1, 0, 2, "d").in("nodes").unit());
    }

    @Test
    void scenariosWithCasesNameTheirKnobCaseAndStillAcceptVariant() {
        List<String> withCase = new ArrayList<>();
        for (Scenario scenario : Registry.builtIn().scenarios()) {
            Knob former = scenario.knob("variant");
            if (former == null) {
                assertNull(scenario.knob("case"), scenario.name());
                continue;
            }
            withCase.add(scenario.name());
            assertEquals("case", former.name(), scenario.name());
            assertEquals(List.of("variant"), former.formerNames());
            assertFalse(scenario.defaults().asMap().containsKey("variant"), scenario.name());
            String other = former.allowed().get(1);
            assertEquals(scenario.configWith(Map.of("case", other)),
                    scenario.configWith(Map.of("variant", other)), scenario.name());
        }
        // Nine had the knob named variant; nomad-job-update-ineligible and ray-placement came
        // with case and accept variant like the others.
        assertEquals(11, withCase.size(), withCase::toString);
    }

    @Test
    void givingTheCaseKnobByBothNamesIsAnError() {
        Scenario scenario = Registry.builtIn().scenario("ray-retry-counting");
        Map<String, String> both = new LinkedHashMap<>();
        both.put("variant", "a");
        both.put("case", "b");
        InputException error = assertThrows(InputException.class,
                () -> scenario.configWith(both));
        assertEquals("--set case: the same knob as --set variant (variant is a former name of "
                + "case); give it once", error.getMessage());
    }
}
