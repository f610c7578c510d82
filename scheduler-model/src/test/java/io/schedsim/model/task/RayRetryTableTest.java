package io.schedsim.model.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.Cluster;
import io.schedsim.model.ModelComponents;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SC-10 (ray:python/ray/tests/test_chaos.py {@code test_worker_killer}) as a table:
 * one task of 3 s on one worker; a worker killer polls every 0.1 s and kills the first RUNNING
 * attempt at once, at most once a second, {@code kills} times. Each row gives the attempt history
 * that must result: {@code W} = FAILED(WORKER_DIED), {@code F} = FINISHED, one letter per attempt.
 */
class RayRetryTableTest {
    private static final long POLL_NANOS = SimTime.millis(100);
    private static final long KILL_INTERVAL_NANOS = SimTime.seconds(1);

    @ParameterizedTest(name = "max_retries {0}, {1} kills -> {2}")
    @CsvSource({
        // (a) 3 kills: attempts 0-2 FAILED (WORKER_DIED), attempt 3 FINISHED.
        "3, 3, WWWF, false",
        // (b) 4 kills: attempts 0-3 FAILED, no attempt 4, the result is an error.
        "3, 4, WWWW, true",
        "3, 0, F, false",
        "0, 0, F, false",
        "0, 1, W, true",
        "1, 1, WF, false",
        "-1, 5, WWWWWF, false",
    })
    void retries(int maxRetries, int kills, String history, boolean error) {
        RayWorkloadSpec spec = new RayWorkloadSpec(1, SimTime.seconds(3), false, 0, 1_000,
                maxRetries, 0);
        Cluster cluster = RayClusters.start(1, RayClusters.config(), 1, 2_000, spec,
                ModelComponents.defaults());
        int[] killed = {0};
        long[] nextKillAt = {0};
        int kind = cluster.sim().registerKind("test.workerKiller", (entity, payload) -> {
            long now = cluster.sim().nowNanos();
            if (killed[0] < kills && now >= nextKillAt[0] && cluster.crashRunningWork(1)) {
                killed[0]++;
                nextKillAt[0] = now + KILL_INTERVAL_NANOS;
            }
            if (killed[0] < kills) {
                cluster.sim().scheduleAfter(POLL_NANOS, entity, entity, 0);
            }
        });
        cluster.sim().schedule(POLL_NANOS, kind, kind, 0);
        RayClusters.runUntilTerminal(cluster, 120);

        RayWorkload ray = cluster.ray();
        List<TaskAttempt> attempts = ray.attempts(0);
        assertEquals(expand(history), attempts.toString());
        assertEquals(kills, killed[0]);
        assertEquals(error, ray.endedInError(0));
        assertEquals(error ? 1 : 0, ray.failed());
        assertEquals(error ? 0 : 1, ray.completed());
        assertEquals(error ? kills - 1 : kills, ray.retries());
        assertEquals(0, ray.lostAttempts());
        assertEquals(List.of(), RayClusters.violations(cluster));
        assertEquals(0, cluster.node(1).cpuUsedMilli());
    }

    private static String expand(String history) {
        List<String> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < history.length(); i++) {
            attempts.add(i + ":" + (history.charAt(i) == 'F' ? "FINISHED" : "FAILED(WORKER_DIED)"));
        }
        return attempts.toString();
    }
}
