package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A test's own budget holds unless the user sets the system property; the properties win one by
 * one, and a bad value is an error naming it, never a silent default.
 */
class BudgetTest {

    @Test
    void aTestsOwnBudgetHoldsWhenNoPropertyIsSet() {
        Budget budget = PropertyCheck.of("chaos-swarm").properties(Map.of()).tries(300)
                .seconds(90).budget();
        assertEquals(300, budget.tries());
        assertEquals(90.0, budget.seconds());
        assertEquals(1, budget.firstSeed());
        assertEquals(1, budget.threads());
        assertEquals(List.of(), budget.overridden());
        assertEquals("300 seeds from 1 within 90 s (the test's own budget)", budget.toString());
    }

    @Test
    void aTestThatStatesNoBudgetGetsTheDefault() {
        Budget budget = PropertyCheck.of("chaos-swarm").properties(Map.of()).budget();
        assertEquals(PropertyCheck.DEFAULT_TRIES, budget.tries());
        assertEquals(PropertyCheck.DEFAULT_SECONDS, budget.seconds());
    }

    @Test
    void eachSystemPropertyReplacesOnlyItsOwnNumber() {
        Budget tries = PropertyCheck.of("chaos-swarm")
                .properties(Map.of("schedsim.tries", "40")).tries(300).seconds(90).budget();
        assertEquals(40, tries.tries());
        assertEquals(90.0, tries.seconds());
        assertEquals(List.of("schedsim.tries"), tries.overridden());

        Budget all = PropertyCheck.of("chaos-swarm").properties(Map.of("schedsim.seconds", "2.5",
                "schedsim.seed", "1000", "schedsim.threads", "2", "schedsim.tries", " 7 "))
                .tries(300).seconds(90).budget();
        assertEquals(7, all.tries());
        assertEquals(2.5, all.seconds());
        assertEquals(1000, all.firstSeed());
        assertEquals(1006, all.lastSeed());
        assertEquals(2, all.threads());
        assertEquals("7 seeds from 1000 within 2.5 s (-Dschedsim.tries, -Dschedsim.seconds, "
                + "-Dschedsim.seed, -Dschedsim.threads set)", all.toString());
    }

    @Test
    void aBlankPropertyCountsAsUnset() {
        // `mvn test -Dschedsim.tries=` passes an empty string.
        Budget budget = PropertyCheck.of("chaos-swarm").properties(Map.of("schedsim.tries", ""))
                .tries(12).budget();
        assertEquals(12, budget.tries());
        assertEquals(List.of(), budget.overridden());
    }

    @Test
    void aBadPropertyIsAnErrorNamingIt() {
        for (Map<String, String> bad : List.of(Map.of("schedsim.tries", "abc"),
                Map.of("schedsim.tries", "0"), Map.of("schedsim.seconds", "-1"),
                Map.of("schedsim.seconds", "NaN"), Map.of("schedsim.threads", "0"))) {
            PropertyCheck property = PropertyCheck.of("chaos-swarm").properties(bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    property::budget);
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().startsWith("-D" + name + "=" + bad.get(name) + ": "),
                    e.getMessage());
        }
    }

    @Test
    void aTestsOwnBadBudgetIsRefusedAtOnce() {
        PropertyCheck property = PropertyCheck.of("chaos-swarm");
        assertThrows(IllegalArgumentException.class, () -> property.tries(0));
        assertThrows(IllegalArgumentException.class, () -> property.seconds(-1));
        assertThrows(IllegalArgumentException.class, () -> property.seconds(Double.NaN));
    }
}
