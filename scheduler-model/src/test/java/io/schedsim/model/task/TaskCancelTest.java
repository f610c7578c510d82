package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ray.cancel} (R-1: cancelled tasks are never retried), after Ray's
 * python/ray/tests/test_cancel.py: {@code test_stress} and {@code test_fast} (queued tasks
 * cancelled before they run), {@code test_recursive_cancel} (a running parent and the child it
 * submitted), {@code test_cancel_chain} and {@code test_remote_cancel} (a task whose argument's
 * task was cancelled raises from get). Every case uses max_retries -1, so any retry would show.
 */
class TaskCancelTest {
    /** Four 5 s tasks on one 3-CPU worker: tasks 0..2 run, task 3 waits for a CPU. */
    private static Cluster fourOnThreeCpus(boolean retryExceptions) {
        RayWorkloadSpec spec = new RayWorkloadSpec(4, SimTime.seconds(5), false, 0, 1_000, -1, 0)
                .withRetryExceptions(retryExceptions);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 3_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(1));
        return cluster;
    }

    @Test
    void aQueuedTaskIsCancelledWithoutRunning() {
        Cluster cluster = fourOnThreeCpus(false);
        RayWorkload ray = cluster.ray();
        assertEquals("[0:PENDING_NODE_ASSIGNMENT]", ray.attempts(3).toString());
        // Unresolved in stable order: outer 0, 1, 2 (running), 3 (queued).
        assertTrue(ray.cancelTask(3, false, true));
        assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(3).toString());
        assertTrue(ray.endedInError(3));
        RayClusters.runUntilTerminal(cluster, 60);
        assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(3).toString(), "never retried");
        assertEquals(3, ray.completed());
        assertEquals(1, ray.cancelled());
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations(),
                "INV-23: a cancelled task is terminal without a result, even with -1");
    }

    @Test
    void aRunningTaskFailsCancelledAndFreesItsCpuForTheQueue() {
        for (boolean force : new boolean[] {false, true}) {
            Cluster cluster = fourOnThreeCpus(false);
            RayWorkload ray = cluster.ray();
            assertTrue(ray.cancelTask(1, force, true));
            assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(1).toString());
            // Its CPU went to the queued task at once (running after the lease latency).
            cluster.sim().runUntil(SimTime.seconds(2));
            assertEquals("[0:RUNNING]", ray.attempts(3).toString());
            RayClusters.runUntilTerminal(cluster, 60);
            assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(1).toString());
            assertEquals(3, ray.completed());
            cluster.sim().runUntil(SimTime.seconds(120));
            ray.checkLiveness();
            assertEquals(List.of(), cluster.monitor().violations(), "force=" + force);
        }
    }

    @Test
    void nothingUnresolvedIsANoOp() {
        Cluster cluster = fourOnThreeCpus(false);
        RayClusters.runUntilTerminal(cluster, 60);
        assertFalse(cluster.ray().cancelTask(0, true, true));
        assertEquals(4, cluster.ray().completed());
    }

    /** One nested task on a 1-CPU worker: at 2 s the parent waits in get, its child runs. */
    private static Cluster nested(boolean retryExceptions) {
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.millis(800), true,
                SimTime.seconds(5), 1_000, -1, 0).withRetryExceptions(retryExceptions);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 1_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(2));
        return cluster;
    }

    @Test
    void aRecursiveCancelOfAParentCancelsItsChild() {
        Cluster cluster = nested(true);
        RayWorkload ray = cluster.ray();
        // Unresolved: outer 0 (blocked in get), then its child.
        assertTrue(ray.cancelTask(0, false, true));
        assertEquals("[0:FAILED(TASK_CANCELLED)]", ray.attempts(0).toString(),
                "cancelled, not re-raised from the child, and not retried (retry_exceptions on)");
        cluster.sim().runUntil(SimTime.seconds(60));
        assertEquals(1, ray.cancelled());
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations(), "the child's CPU is free");
    }

    @Test
    void aCancelledChildRaisesInItsParent() {
        Cluster cluster = nested(false);
        RayWorkload ray = cluster.ray();
        assertTrue(ray.cancelTask(1, true, true), "pick 1: the child");
        assertEquals("[0:FAILED(TASK_EXECUTION_EXCEPTION)]", ray.attempts(0).toString(),
                "get raised TaskCancelledError in the parent (R-1)");
        assertEquals(1, ray.raised());
        assertEquals(0, ray.cancelled());

        Cluster retrying = nested(true);
        assertTrue(retrying.ray().cancelTask(1, false, true));
        RayClusters.runUntilTerminal(retrying, 60);
        assertEquals("[0:FAILED(TASK_EXECUTION_EXCEPTION), 1:FINISHED]",
                retrying.ray().attempts(0).toString(), "the parent's raise is retried");
        assertEquals(List.of(), retrying.monitor().violations());
    }

    @Test
    void aPolicyRetryingCancelledTasksBreaksInv19() {
        RetryPolicy retriesCancelled = new RetryPolicy() {
            @Override
            public int afterFailure(int maxRetries, int used, ErrorType type, boolean preempted) {
                return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, used, type, preempted);
            }

            @Override
            public boolean mayRetry(ErrorType errorType, boolean retryExceptions) {
                return true;
            }
        };
        RayWorkloadSpec spec = new RayWorkloadSpec(4, SimTime.seconds(5), false, 0, 1_000, -1, 0);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 3_000, spec,
                ModelComponents.defaults().withRetryPolicy(context -> retriesCancelled));
        cluster.sim().runUntil(SimTime.seconds(1));
        assertTrue(cluster.ray().cancelTask(3, false, true));
        assertTrue(cluster.monitor().violated(), "INV-19: a cancelled task was retried");
    }
}
