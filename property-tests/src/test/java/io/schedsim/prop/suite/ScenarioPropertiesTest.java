package io.schedsim.prop.suite;

import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.job.JobType;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.junit.PropertyCheck;
import io.schedsim.prop.spec.RunView;
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

    static String systemAllocsKept(RunView run) {
        int nodes = run.state().nodeSlotCount();
        int system = run.result().allocations().running().get("system");
        int service = run.result().allocations().running().get("service");
        if (system != nodes || service != 1) {
            return "expected " + nodes + " system and 1 service allocations running, got "
                    + system + " and " + service;
        }
        for (Alloc alloc : run.state().allocs().all()) {
            if (alloc.job().type() == JobType.SYSTEM && alloc.client() == ClientStatus.COMPLETE) {
                return "system " + alloc + " was stopped";
            }
        }
        return null;
    }

    static String rayChaosOutcome(RunView run) {
        var tasks = run.result().tasks();
        if (tasks.completed() != tasks.submitted()) {
            return tasks.completed() + " of " + tasks.submitted() + " tasks completed";
        }
        for (int slot = 0; slot < run.state().nodeSlotCount(); slot++) {
            if (run.state().node(slot).status() == NodeStatus.DOWN
                    && !run.ledger().killedNodes().contains(slot)) {
                return "node " + slot + " is DEAD but was not killed";
            }
        }
        return null;
    }
}
