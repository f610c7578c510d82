package io.schedsim.prop.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.junit.PropertyCheck;
import io.schedsim.prop.spec.RunView;
import io.schedsim.prop.search.SearchReport;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The property suite over {@code chaos-swarm}: every safety invariant online (INV-1..INV-22) and
 * liveness after the heal phase (INV-23..INV-27) on the correct model, plus properties checked
 * from outside the model. Each test's own budget holds unless {@code -Dschedsim.tries} or
 * {@code -Dschedsim.seconds} is set; the {@code long-properties} Maven profile sets both. The
 * corpus of earlier failing runs is replayed first.
 */
class ChaosSwarmPropertiesTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    @Test
    void everyInvariantHoldsUnderChaosSwarm() {
        SearchReport report = PropertyCheck.of("chaos-swarm").tries(300).seconds(90)
                .corpus(CORPUS).requireFaultKinds(10).check();
        assertTrue(report.seedsRun() > 0, "the search ran no seed");
    }

    /** INV-13 cross-checked from the fault ledger: down ⊆ killed ∪ partitioned ∪ starved. */
    @Test
    void onlyDisturbedNodesGoDown() {
        PropertyCheck.of("chaos-swarm").tries(150).seconds(60)
                .oracle("down-subset-of-disturbed", ChaosSwarmPropertiesTest::downOutsideLedger)
                .requireFaultKinds(8).check();
    }

    /** INV-10: a drained service allocation is replaced at most once, never on its own node. */
    @Test
    void drainedServiceAllocationsHaveOneReplacement() {
        PropertyCheck.of("chaos-swarm").tries(150).seconds(60)
                .oracle("one-replacement-per-migration",
                        ChaosSwarmPropertiesTest::replacementsOfMigrations)
                .check();
    }

    static String downOutsideLedger(RunView run) {
        Set<Integer> disturbed = run.ledger().disturbedNodes();
        for (int slot = 0; slot < run.state().nodeSlotCount(); slot++) {
            // A purged node reads DOWN until it registers again: the operator's doing (N-20).
            if (run.state().node(slot).status() == NodeStatus.DOWN
                    && !run.state().node(slot).purged() && !disturbed.contains(slot)) {
                return "node " + slot + " is down but no fault touched it (" + disturbed + ")";
            }
        }
        return null;
    }

    static String replacementsOfMigrations(RunView run) {
        var allocs = run.state().allocs().all();
        for (Alloc marked : allocs) {
            if (!marked.migrate() || marked.job().type() != JobType.SERVICE) {
                continue;
            }
            int replacements = 0;
            for (Alloc other : allocs) {
                if (other.previousAlloc() == marked.id()) {
                    replacements++;
                    if (other.node() == marked.node()) {
                        return other + " replaces " + marked + " on the same node";
                    }
                }
            }
            if (replacements > 1) {
                return marked + " has " + replacements + " replacements";
            }
        }
        return null;
    }
}
