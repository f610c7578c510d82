package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedsim.prop.search.SearchReport;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build honours a test's budget: under {@code mvn verify} nothing sets {@code schedsim.tries}
 * or {@code schedsim.seconds}, so a property asking for 250 seeds runs 250 (when the parent pom
 * passed 200 to every test, this ran 200). And a property the user overrides runs what the user
 * asked for.
 */
class OwnBudgetTest {

    @Test
    void aPropertyRunsTheSeedsItsTestAsksFor() {
        // Only meaningful when the user has not set a budget on the command line.
        assumeTrue(Stream.of("tries", "seconds", "seed", "replay")
                .allMatch(name -> System.getProperty("schedsim." + name) == null),
                "a schedsim.* system property is set");
        SearchReport report = PropertyCheck.of("chaos-swarm").tries(250).seconds(120).check();
        assertEquals(250, report.seedsRun());
    }

    @Test
    void aGuidedPropertyRunsItsBudgetInRounds() {
        SearchReport report = PropertyCheck.of("chaos-swarm")
                .properties(Map.of("schedsim.tries", "300")).guided().check();
        assertEquals(300, report.seedsRun());
        assertEquals(2, report.statistics().guided().rounds());
    }

    @Test
    void theUsersPropertyReplacesTheTestsOwn() {
        SearchReport report = PropertyCheck.of("chaos-swarm")
                .properties(Map.of("schedsim.tries", "9", "schedsim.seed", "100"))
                .tries(250).seconds(120).check();
        assertEquals(9, report.seedsRun());
    }
}
