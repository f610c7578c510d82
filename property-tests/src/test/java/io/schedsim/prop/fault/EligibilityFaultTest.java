package io.schedsim.prop.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.EligibilityFlip;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operator eligibility flips (F-8, N-21..N-23) at arbitrary instants, drains included. */
class EligibilityFaultTest {

    /**
     * N-23: ineligible only blocks new placements, the node keeps what runs there. N-22, INV-27:
     * turning eligible again evaluates the system jobs, so the node gets its system alloc.
     */
    @Test
    void ineligibleNodeKeepsItsAllocsGetsNoNewOnesAndRegainsSystemCoverage() {
        FaultClusters run = FaultClusters.nomad(61, FaultClusters.nomadConfig(), 3,
                List.of(JobSpec.service("web", 3, 500, 256)),
                new EligibilityFlip(30_000, 1, false), new EligibilityFlip(60_000, 1, true));
        run.at(40, () -> {
            run.cluster.state().registerJob(JobSpec.service("api", 3, 500, 256));
            run.cluster.state().registerJob(JobSpec.system("agent", 100, 64));
        });
        run.runUntil(55);
        Job web = run.job("web");
        Job api = run.job("api");
        Job agent = run.job("agent");
        assertEquals(1, run.runningOn(web, 1).size(), "ineligible is not evicted");
        run.assertRunning(api, 3);
        assertEquals(List.of(), run.runningOn(api, 1), "nothing new on an ineligible node");
        assertEquals(List.of(), run.runningOn(agent, 1));
        run.assertRunning(agent, 2);
        run.runUntil(150);
        assertEquals(1, run.runningOn(agent, 1).size(), "system alloc placed once eligible");
        assertEquals(List.of(), run.runningOn(api, 1), "no rebalancing of running allocs");
        run.assertSettled();
    }

    /** N-21, INV-2: eligible while draining is rejected with no state change. */
    @Test
    void eligibleWhileDrainingIsRejectedAndChangesNothing() {
        FaultClusters run = FaultClusters.nomad(62, FaultClusters.nomadConfig(), 3,
                List.of(JobSpec.service("web", 3, 500, 256)),
                Drain.noDeadline(30_000, 1, false), new EligibilityFlip(31_000, 1, true),
                new EligibilityFlip(200_000, 1, true));
        List<String> seen = new ArrayList<>();
        run.at(31, () -> {
            Node node = run.cluster.node(1);
            seen.add("draining=" + node.draining() + " eligible=" + node.eligible());
        });
        run.runUntil(150);
        assertEquals(List.of("draining=true eligible=false"), seen);
        assertTrue(run.firedDetail(1).contains("eligible rejected: can not set node's "
                + "scheduling eligibility to eligible while it is draining"), run.firedDetail(1));
        Node node = run.cluster.node(1);
        assertFalse(node.draining(), "the drain completed");
        assertFalse(node.eligible(), "INV-3: and left the node ineligible");
        run.runUntil(300);
        assertTrue(run.firedDetail(2).contains("eligible accepted"), run.firedDetail(2));
        assertTrue(node.eligible(), "accepted once the drain is over");
        run.assertRunning(run.job("web"), 3);
        run.assertSettled();
    }
}
