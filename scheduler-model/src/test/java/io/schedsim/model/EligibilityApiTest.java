package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.api.ApiResult;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.node.LastDrainStatus;
import io.schedsim.model.state.Node;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eligibility API and drain disable (N-2, N-5, N-7, N-21): one row per (node state, call)
 * with the expected answer, eligibility, drain, and whether node evals were created (a system
 * job covers every node, so ineligible → eligible always creates one).
 */
class EligibilityApiTest {
    private static final int NODE = 0;

    @ParameterizedTest(name = "{0} node, {1}")
    @CsvSource({
        // state, call, accepted, eligible after, draining after, node evals
        "eligible, eligible, true, true, false, false",
        "eligible, ineligible, true, false, false, false",
        "ineligible, eligible, true, true, false, true",
        "ineligible, ineligible, true, false, false, false",
        // N-21: eligible while draining is rejected with no change; N-5 keeps it ineligible.
        "draining, eligible, false, false, true, false",
        "draining, ineligible, true, false, true, false",
        // N-2: CLI -disable sends markEligible=true; -keep-ineligible (and HTTP default) false.
        "draining, disable-mark-eligible, true, true, false, true",
        "draining, disable-keep-ineligible, true, false, false, false",
        // nomad#4352: -disable with markEligible restores eligibility even without a drain.
        "ineligible, disable-mark-eligible, true, true, false, true",
        "eligible, disable-mark-eligible, true, true, false, false",
    })
    void callChangesEligibility(String state, String call, boolean accepted, boolean eligible,
            boolean draining, boolean evals) {
        Cluster cluster = NomadClusters.started(3, NomadClusters.config(), 2);
        cluster.state().registerJob(JobSpec.system("system", 100, 64));
        // Let the register eval run, so a node eval is not coalesced into it.
        cluster.sim().runUntil(SimTime.seconds(2));
        if (state.equals("ineligible")) {
            cluster.updateEligibility(NODE, false);
        } else if (state.equals("draining")) {
            NomadClusters.holdDrainsOpen(cluster, NODE);
            cluster.updateDrain(NODE, DrainSpec.deadline(3_600_000, false));
        }
        long evalsBefore = cluster.broker().createdCount();

        ApiResult result = call(cluster, call);

        Node node = cluster.node(NODE);
        assertEquals(accepted, result.accepted(), result.message());
        assertEquals(eligible, node.eligible(), "eligible");
        assertEquals(draining, node.draining(), "draining");
        assertEquals(evals, cluster.broker().createdCount() > evalsBefore, "node evals");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    private static ApiResult call(Cluster cluster, String call) {
        switch (call) {
            case "eligible":
                return cluster.updateEligibility(NODE, true);
            case "ineligible":
                return cluster.updateEligibility(NODE, false);
            case "disable-mark-eligible":
                return cluster.cancelDrain(NODE, true);
            case "disable-keep-ineligible":
                return cluster.cancelDrain(NODE, false);
            default:
                throw new AssertionError(call);
        }
    }

    @ParameterizedTest(name = "deadline {0} ms")
    @ValueSource(longs = {0, 2_000, -1_000})
    void completionKeepsTheNodeIneligible(long deadlineMillis) {
        Cluster cluster = NomadClusters.started(4, NomadClusters.config(), 2);
        cluster.updateDrain(NODE, new DrainSpec(deadlineMillis, false));
        // N-17 (watch_nodes.go Update): an empty node's drain completes in the call's step.
        assertFalse(cluster.isDraining(NODE), "an empty node's drain completes at once (N-17)");
        cluster.sim().runUntil(SimTime.seconds(10));

        Node node = cluster.node(NODE);
        assertFalse(node.draining());
        assertEquals(LastDrainStatus.COMPLETE, node.lastDrain());
        assertFalse(node.eligible(), "completion must keep the node ineligible (N-6)");
        assertEquals(List.of(), cluster.monitor().violations());
    }
}
