package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.time.SimTime;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.history.NodeStatus;
import io.schedsim.history.NodeStatusChanged;
import io.schedsim.history.TaskAttemptChanged;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-16 and R-10's RPC-error path, as Ray's CI chaos cluster exercises them
 * (ray:python/ray/tests/test_chaos.py {@code test_chaos_task_retry} on the
 * {@code _ray_start_chaos_cluster} fixture of ray:python/ray/tests/conftest.py, whose killer is a
 * {@code RayletKiller}: {@code ShutdownRaylet(graceful=false)}, ray:src/ray/raylet/node_manager.cc
 * {@code HandleShutdownRaylet}): a killed raylet's workers exit within
 * {@code raylet_death_check_interval_milliseconds} = 1 s, each owner learns from its broken
 * connection and fails the attempt NODE_DIED at once, long before the GCS declares the node DEAD
 * (12–18 s for refused checks, R-8), and every task still finishes ({@code max_retries=-1}). A
 * terminated host (F-1) is the control: its owners learn only from the DEAD verdict (≥ 52 s of
 * timed-out checks).
 */
class RayletKillTest {
    private static final String[] SMALL = {"workers=3", "cpusPerWorker=2", "tasks=600",
        "maxKills=1"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void ownersFailAttemptsOfAKilledRayletWithinASecond(long seed) {
        List<HistoryEvent> history = new ArrayList<>();
        RunOutcome outcome = run(seed, "agent", history);
        assertEquals(List.of(), outcome.result().violations());
        assertEquals(outcome.cluster().ray().submitted(), outcome.cluster().ray().completed(),
                "every task finishes");
        AgentKilled kill = only(history, AgentKilled.class);
        assertTrue(kill.byKiller(), "the chaos killer's kill (INV-20)");
        long dead = deadAt(history, kill.node());
        assertTrue(dead - kill.atNanos() >= SimTime.seconds(12), "DEAD only after R-8's 12 s");
        List<Long> failures = nodeDiedAt(history, kill.node());
        assertFalse(failures.isEmpty(), "the killed raylet ran attempts");
        long exit = kill.atNanos() + SimTime.seconds(1);
        long early = failures.stream().filter(t -> t <= exit).count();
        assertTrue(early > 0, "owners learned before the DEAD verdict");
        for (long failedAt : failures) {
            // Attempts running at the kill fail when the workers exit; only leases granted on
            // the node after that (the GCS still sees it ALIVE) wait for the DEAD verdict.
            assertTrue(failedAt == exit || failedAt == dead, "NODE_DIED at "
                    + SimTime.format(failedAt) + ", kill at " + SimTime.format(kill.atNanos()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void ownersOfATerminatedHostLearnOnlyFromTheDeadVerdict(long seed) {
        List<HistoryEvent> history = new ArrayList<>();
        RunOutcome outcome = run(seed, "terminate", history);
        assertEquals(List.of(), outcome.result().violations());
        HostTerminated kill = only(history, HostTerminated.class);
        long dead = deadAt(history, kill.node());
        assertTrue(dead - kill.atNanos() >= SimTime.seconds(52), "timed-out checks (R-8)");
        List<Long> failures = nodeDiedAt(history, kill.node());
        assertFalse(failures.isEmpty());
        for (long failedAt : failures) {
            assertEquals(dead, failedAt, "a terminated host's attempts fail at its DEAD verdict");
        }
    }

    private static RunOutcome run(long seed, String killMode, List<HistoryEvent> history) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : SMALL) {
            String[] pair = setting.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        settings.put("killMode", killMode);
        return RunSpec.of(Registry.builtIn().scenario("ray-chaos")).withSeed(seed)
                .withSettings(settings).run(RunOptions.NONE.withHistory(history::add));
    }

    private static <T extends HistoryEvent> T only(List<HistoryEvent> history, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (HistoryEvent event : history) {
            if (type.isInstance(event)) {
                found.add(type.cast(event));
            }
        }
        assertEquals(1, found.size(), type.getSimpleName() + " events");
        return found.get(0);
    }

    private static long deadAt(List<HistoryEvent> history, int node) {
        for (HistoryEvent event : history) {
            if (event instanceof NodeStatusChanged e && e.node() == node
                    && e.status() == NodeStatus.DOWN) {
                return e.atNanos();
            }
        }
        throw new AssertionError("node " + node + " never DEAD");
    }

    private static List<Long> nodeDiedAt(List<HistoryEvent> history, int node) {
        List<Long> times = new ArrayList<>();
        for (HistoryEvent event : history) {
            if (event instanceof TaskAttemptChanged e && e.node() == node
                    && e.state() == AttemptState.FAILED && e.errorType() == ErrorType.NODE_DIED) {
                times.add(e.atNanos());
            }
        }
        return times;
    }
}
