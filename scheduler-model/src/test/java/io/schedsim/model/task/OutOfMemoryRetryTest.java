package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import io.schedsim.model.config.ClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R-2's OOM counter: an OUT_OF_MEMORY kill is retried under task_oom_retries, never counted
 * against max_retries, after min(base × 2^attempt, 60 s); a task with max_retries 0 gets no OOM
 * retry (ray:src/ray/core_worker/task_manager.cc {@code max_oom_retries}).
 */
class OutOfMemoryRetryTest {
    private static Cluster oneTask(int maxRetries, int taskOomRetries) {
        ClusterConfig config = new ClusterConfig();
        config.taskOomRetries = taskOomRetries;
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.seconds(60), false, 0, 1_000,
                maxRetries, 0);
        Cluster cluster = RayClusters.start(1, config, 1, 1_000, spec,
                ModelComponents.defaults());
        cluster.sim().runUntil(SimTime.seconds(1));
        return cluster;
    }

    /**
     * Ray's task_manager_test.cc {@code TestTaskOomAndNonOomKillReturnsLastError}:
     * task_oom_retries 1, max_retries 1: an OOM kill is retried after the OOM base delay, a
     * worker death after task_retry_delay_ms (0), and a second worker death ends the task with
     * that last error.
     */
    @Test
    void oomAndWorkerDeathsUseSeparateCounters() {
        Cluster cluster = oneTask(1, 1);
        RayWorkload ray = cluster.ray();
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
        cluster.sim().runUntil(SimTime.millis(1_999));
        assertEquals("[0:FAILED(OUT_OF_MEMORY)]", ray.attempts(0).toString(),
                "the OOM retry waits task_oom_retry_delay_base_ms × 2^0 = 1 s");
        cluster.sim().runUntil(SimTime.millis(2_100));
        assertEquals("[0:FAILED(OUT_OF_MEMORY), 1:RUNNING]", ray.attempts(0).toString());
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.WORKER_DIED));
        cluster.sim().runUntil(SimTime.millis(2_200));
        assertEquals("[0:FAILED(OUT_OF_MEMORY), 1:FAILED(WORKER_DIED), 2:RUNNING]",
                ray.attempts(0).toString(), "max_retries 1 is still whole after the OOM kill");
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.WORKER_DIED));
        assertTrue(ray.endedInError(0), "max_retries spent: the last error, WORKER_DIED");
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void oomRetriesBackOffExponentiallyAndRunOut() {
        Cluster cluster = oneTask(3, 2);
        RayWorkload ray = cluster.ray();
        // Attempt 0 killed at 1 s: retried 1 s × 2^0 later.
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
        cluster.sim().runUntil(SimTime.millis(2_050));
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
        // Attempt 1 killed at 2.05 s: retried 1 s × 2^1 later.
        cluster.sim().runUntil(SimTime.millis(4_040));
        assertEquals(2, ray.attempts(0).size());
        cluster.sim().runUntil(SimTime.millis(4_150));
        assertEquals(3, ray.attempts(0).size());
        assertTrue(cluster.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
        assertTrue(ray.endedInError(0), "task_oom_retries 2 spent, max_retries 3 untouched");
        assertEquals(1, ray.outOfMemory());
        ray.checkLiveness();
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void unlimitedOomRetriesNeverEndATaskButMaxRetriesZeroGetsNone() {
        Cluster unlimited = oneTask(1, -1);
        for (int kill = 0; kill < 5; kill++) {
            assertTrue(unlimited.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
            unlimited.sim().runUntil(unlimited.sim().nowNanos() + SimTime.seconds(61));
        }
        assertEquals(6, unlimited.ray().attempts(0).size(), "5 OOM kills, max_retries 1 unused");
        assertEquals(List.of(), unlimited.monitor().violations());

        Cluster none = oneTask(0, -1);
        assertTrue(none.crashRunningWork(1, 0, ErrorType.OUT_OF_MEMORY));
        assertTrue(none.ray().endedInError(0), "max_retries 0: max_oom_retries 0");
        assertEquals(List.of(), none.monitor().violations());
    }
}
