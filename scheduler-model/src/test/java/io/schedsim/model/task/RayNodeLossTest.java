package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.Violation;
import io.schedsim.model.node.NodeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attempts lost with their node: a long task on worker 1, whose host is terminated
 * at 10 s; the task hangs in the server's view until the node is declared DEAD, then fails
 * NODE_DIED and is retried on worker 2. Two bug-zoo retry policies are caught by INV-19.
 */
class RayNodeLossTest {
    private static final long KILL_AT = SimTime.seconds(10);

    @ParameterizedTest(name = "max_retries {0}")
    @CsvSource({"-1, 0:FAILED(NODE_DIED) 1:FINISHED", "1, 0:FAILED(NODE_DIED) 1:FINISHED",
        "0, 0:FAILED(NODE_DIED)"})
    void lostAttemptIsRetriedAfterDeath(int maxRetries, String history) {
        Cluster cluster = run(maxRetries, ModelComponents.defaults());
        RayWorkload ray = cluster.ray();
        assertEquals(List.of(), cluster.monitor().violations());
        assertEquals(NodeStatus.DOWN, cluster.node(1).status());
        long detected = cluster.node(1).downAtNanos();
        assertTrue(detected > KILL_AT + SimTime.seconds(52), "DEAD at " + detected);
        assertEquals(history, String.join(" ", ray.attempts(0).stream()
                .map(TaskAttempt::toString).toList()));
        assertEquals(1, ray.lostAttempts());
        assertEquals(maxRetries == 0, ray.endedInError(0));
        assertEquals(0, cluster.node(2).cpuUsedMilli());
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void lossesNotCountedAreCaught() {
        RetryPolicy forgetsLosses = (max, used, type, preempted) ->
                type == ErrorType.NODE_DIED ? used
                        : MaxRetriesPolicy.INSTANCE.afterFailure(max, used, type, preempted);
        Cluster cluster = run(0, withRetryPolicy(forgetsLosses));
        List<Violation> violations = cluster.monitor().violations();
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(Inv.RETRY_BOUNDS, violations.get(0).invariant());
    }

    @Test
    void lossesCountedTwiceAreCaught() {
        RetryPolicy countsTwice = (max, used, type, preempted) -> {
            if (type != ErrorType.NODE_DIED || max < 0) {
                return MaxRetriesPolicy.INSTANCE.afterFailure(max, used, type, preempted);
            }
            return used + 2 <= max ? used + 2 : RetryPolicy.GIVE_UP;
        };
        Cluster cluster = run(1, withRetryPolicy(countsTwice));
        List<Violation> violations = cluster.monitor().violations();
        assertEquals(1, violations.size(), violations.toString());
        assertEquals(Inv.RETRY_BOUNDS, violations.get(0).invariant());
    }

    private static Cluster run(int maxRetries, ModelComponents components) {
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.seconds(200), false, 0, 1_000,
                maxRetries, 0);
        Cluster cluster = RayClusters.start(5, RayClusters.config(), 2, 4_000, spec, components);
        cluster.sim().runUntil(KILL_AT);
        assertEquals(1_000, cluster.node(1).cpuUsedMilli(), "the task runs on worker 1");
        cluster.terminateHost(1);
        RayClusters.runUntilTerminal(cluster, 600);
        return cluster;
    }

    private static ModelComponents withRetryPolicy(RetryPolicy policy) {
        return ModelComponents.defaults().withRetryPolicy(context -> policy);
    }
}
