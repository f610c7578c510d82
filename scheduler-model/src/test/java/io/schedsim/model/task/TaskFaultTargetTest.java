package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * F-3 with a chosen attempt and cause (issue 13): the pick counts the node's running attempts in
 * grant order, modulo their number; an application error ends the task at once with
 * retry_exceptions off and is retried and counted with it on; a parent blocked in get runs
 * no code and cannot raise, though its worker can be killed.
 */
class TaskFaultTargetTest {
    /** Three 5 s tasks, all on worker 1 (3 CPUs); the driver's head has none. */
    private static Cluster threeOnOneWorker(RayWorkloadSpec spec) {
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 3_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(1));
        return cluster;
    }

    @Test
    void thePickCountsRunningAttemptsInGrantOrder() {
        Cluster cluster = threeOnOneWorker(new RayWorkloadSpec(3, SimTime.seconds(5), false, 0,
                1_000, 3, 0));
        RayWorkload ray = cluster.ray();
        assertTrue(cluster.crashRunningWork(1, 4, ErrorType.WORKER_DIED), "4 mod 3 = the second");
        assertEquals("[0:RUNNING]", ray.attempts(0).toString());
        assertEquals("0:FAILED(WORKER_DIED)", ray.attempts(1).get(0).toString());
        assertEquals("[0:RUNNING]", ray.attempts(2).toString());
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.WORKER_DIED), "pick 0: the first");
        assertEquals("0:FAILED(WORKER_DIED)", ray.attempts(0).get(0).toString());
    }

    @Test
    void aRaiseEndsTheTaskUnlessRetryExceptionsIsOn() {
        RayWorkloadSpec off = new RayWorkloadSpec(3, SimTime.seconds(5), false, 0, 1_000, -1, 0);
        Cluster cluster = threeOnOneWorker(off);
        assertTrue(cluster.crashRunningWork(1, 2, ErrorType.TASK_EXECUTION_EXCEPTION));
        assertEquals("[0:FAILED(TASK_EXECUTION_EXCEPTION)]", cluster.ray().attempts(2).toString());
        assertTrue(cluster.ray().endedInError(2), "R-1: not retried, even with max_retries -1");
        RayClusters.runUntilTerminal(cluster, 60);
        assertEquals(2, cluster.ray().completed());
        assertEquals(1, cluster.ray().raised());
        cluster.ray().checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations(), "INV-23 excuses the raise");

        Cluster on = threeOnOneWorker(off.withRetryExceptions(true));
        assertTrue(on.crashRunningWork(1, 2, ErrorType.TASK_EXECUTION_EXCEPTION));
        RayClusters.runUntilTerminal(on, 60);
        assertEquals("[0:FAILED(TASK_EXECUTION_EXCEPTION), 1:FINISHED]",
                on.ray().attempts(2).toString());
        assertEquals(3, on.ray().completed());
        assertEquals(List.of(), on.monitor().violations());
    }

    @Test
    void aParentBlockedInGetCannotRaiseButCanBeKilled() {
        RayWorkloadSpec nested = new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(5), 1_000, 3, 0);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 1_000, nested,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(2));
        // The parent waits in get with its CPU released; its child runs on that CPU. Both are
        // RUNNING in Ray's state API, the parent granted first.
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.TASK_EXECUTION_EXCEPTION),
                "the only candidate is the child");
        // The child raised and was not retried; get() re-raised its error in the parent.
        assertEquals("[0:FAILED(TASK_EXECUTION_EXCEPTION)]", cluster.ray().attempts(0).toString());
        assertTrue(cluster.ray().endedInError(0));
        assertEquals(List.of(), cluster.monitor().violations());

        Cluster killed = RayClusters.start(1, RayClusters.config(), 1, 1_000, nested,
                ModelComponents.defaults());
        killed.sim().runUntil(SimTime.seconds(2));
        assertTrue(killed.crashRunningWork(1, 0, ErrorType.WORKER_DIED), "pick 0: the parent");
        assertEquals("0:FAILED(WORKER_DIED)", killed.ray().attempts(0).get(0).toString());
        RayClusters.runUntilTerminal(killed, 60);
        assertEquals(1, killed.ray().completed());
    }
}
