package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.AgentKilled;
import io.schedsim.history.AttemptState;
import io.schedsim.history.HistoryEvent;
import io.schedsim.model.actor.RayActors;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ray-actors} (R-6, R-10, R-16, INV-28; ray:python/ray/tests/test_chaos.py
 * {@code test_chaos_actor_retry}): read from each run's history, the killer's raylet kills catch
 * actors mid-task, every such actor restarts on another node (its constructor reruns: ALIVE
 * again), the task it was executing is retried there, and every one of the 16 x 300 submitted
 * sequence numbers is recorded; the model's checks and the monitor stay quiet.
 */
class RayActorsScenarioTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyActorTaskIsRecordedDespiteTheKills(long seed) {
        List<HistoryEvent> history = new ArrayList<>();
        RunOutcome outcome = RunSpec.of(Registry.builtIn().scenario("ray-actors")).withSeed(seed)
                .run(RunOptions.NONE.withHistory(history::add));
        assertEquals(List.of(), outcome.result().violations());
        RayActors actors = outcome.cluster().rayActors();
        assertEquals(16 * 300, actors.submitted());
        assertEquals(actors.submitted(), actors.completed(), "INV-28: every task recorded");
        assertEquals(0, actors.failed());
        assertTrue(actors.retries() > 0, "a kill caught an actor mid-task");
        Set<Integer> killed = new HashSet<>();
        for (HistoryEvent event : history) {
            if (event instanceof AgentKilled kill) {
                assertTrue(kill.byKiller());
                killed.add(kill.node());
            }
        }
        assertEquals(2, killed.size(), "maxKills raylets killed");
        int restarts = 0;
        Set<String> finished = new HashSet<>();
        for (HistoryEvent event : history) {
            if (event instanceof ActorStateChanged e && e.state() == ActorState.RESTARTING) {
                assertTrue(killed.contains(e.node()), "actors restart only off killed nodes");
                restarts++;
            } else if (event instanceof ActorStateChanged e && e.state() == ActorState.ALIVE) {
                assertTrue(!killed.contains(e.node()) || !diedBefore(history, e),
                        "no actor comes back on a killed node");
            } else if (event instanceof ActorTaskChanged e
                    && e.state() == AttemptState.FINISHED) {
                finished.add(e.actor() + ":" + e.sequenceNumber());
            }
        }
        assertTrue(restarts > 0);
        assertEquals(16 * 300, finished.size());
    }

    /** True if the node of this ALIVE event had its raylet killed before it. */
    private static boolean diedBefore(List<HistoryEvent> history, ActorStateChanged alive) {
        for (HistoryEvent event : history) {
            if (event == alive) {
                return false;
            }
            if (event instanceof AgentKilled kill && kill.node() == alive.node()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aClusterTooSmallForEveryActorIsRefused() {
        // 3 workers, 2 kills: the one left holds 8 of the 16 actors; INV-28 would fail by config.
        InputException refused = assertThrows(InputException.class, () -> RunSpec.of(
                Registry.builtIn().scenario("ray-actors")).withSettings(Map.of("workers", "3"))
                .run());
        assertTrue(refused.getMessage().contains("do not fit on the 1 workers"),
                refused.getMessage());
        RunOutcome fits = RunSpec.of(Registry.builtIn().scenario("ray-actors"))
                .withSettings(Map.of("workers", "3", "maxKills", "1")).run();
        assertEquals(List.of(), fits.result().violations());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void atMostOnceActorsLoseTheirTasksInFlight(long seed) {
        RunOutcome outcome = RunSpec.of(Registry.builtIn().scenario("ray-actors")).withSeed(seed)
                .withSettings(Map.of("maxTaskRetries", "0")).run();
        assertEquals(List.of(), outcome.result().violations());
        RayActors actors = outcome.cluster().rayActors();
        assertEquals(0, actors.retries());
        assertTrue(actors.failed() > 0, "the tasks in flight at the kills failed");
        assertEquals(actors.submitted(), actors.completed() + actors.failed());
    }
}
