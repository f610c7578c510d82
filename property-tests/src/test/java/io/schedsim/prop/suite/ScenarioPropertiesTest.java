package io.schedsim.prop.suite;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.junit.PropertyCheck;
import io.schedsim.prop.scenario.RunOutcome;
import org.junit.jupiter.api.Test;

/** SC-specific properties of SEMANTICS §5, searched over seeds and orderings. */
class ScenarioPropertiesTest {

    /** SC-2/2b: drain -ignore-system under concurrent flips keeps N system allocations, 1 service. */
    @Test
    void drainIgnoreSystemKeepsEverySystemAllocation() {
        PropertyCheck.of("nomad-drain-ignore-system").tries(120).seconds(60)
                .oracle("SC-2-system-allocs", ScenarioPropertiesTest::systemAllocsKept)
                .requireFaultKinds(2).check();
    }

    /** SC-1 scaled down: every task finishes, dead ⊆ killed, CPUs free again (INV-26). */
    @Test
    void rayChaosFinishesEveryTaskAndFreesCpus() {
        PropertyCheck.of("ray-chaos").set("workers", "3").set("cpusPerWorker", "4")
                .set("tasks", "300").set("killIntervalMillis", "30000").tries(20).seconds(60)
                .oracle("SC-1-outcome", ScenarioPropertiesTest::rayChaosOutcome)
                .requireFaultKinds(1).check();
    }

    static String systemAllocsKept(RunOutcome outcome) {
        int nodes = outcome.cluster().nodeSlotCount();
        int system = outcome.result().allocations().running().get("system");
        int service = outcome.result().allocations().running().get("service");
        if (system != nodes || service != 1) {
            return "expected " + nodes + " system and 1 service allocations running, got "
                    + system + " and " + service;
        }
        for (Alloc alloc : outcome.cluster().state().allocs().all()) {
            if (alloc.job().type() == JobType.SYSTEM && alloc.client() == ClientStatus.COMPLETE) {
                return "system " + alloc + " was stopped";
            }
        }
        return null;
    }

    static String rayChaosOutcome(RunOutcome outcome) {
        var tasks = outcome.result().tasks();
        if (tasks.completed() != tasks.submitted()) {
            return tasks.completed() + " of " + tasks.submitted() + " tasks completed";
        }
        for (int slot = 0; slot < outcome.cluster().nodeSlotCount(); slot++) {
            if (outcome.cluster().node(slot).status() == NodeStatus.DOWN
                    && !outcome.ledger().killedNodes().contains(slot)) {
                return "node " + slot + " is DEAD but was not killed";
            }
        }
        return null;
    }
}
