package io.schedsim.prop.scenario.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.core.random.SimRandom;
import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.AttemptState;
import io.schedsim.history.HistoryEvent;
import io.schedsim.model.actor.RayActorSpec;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * R-6 in the swarm (issue 13): {@code chaos-swarm} draws actors on some seeds from a stream of
 * their own, so a seed without actors is the run it was before they joined (the knob at 0 gives
 * the same trace), a seed with them keeps its fault plan, and the swarm's faults restart actors
 * and retry their tasks while the correct model stays clean.
 */
class ChaosSwarmActorsTest {
    private static final RunSpec SWARM = RunSpec.of(Registry.builtIn().scenario("chaos-swarm"));

    @Test
    void theActorDrawTakesNothingFromTheOtherStreams() {
        int with = 0;
        int without = 0;
        for (long seed = 1; seed <= 16; seed++) {
            RunOutcome drawn = SWARM.withSeed(seed).run(RunOptions.NONE);
            RunOutcome none = SWARM.withSeed(seed).with("rayActors", 0).run(RunOptions.NONE);
            assertEquals(none.plan(), drawn.plan(), "seed " + seed + ": the same fault plan");
            if (drawn.cluster().rayActors() == null) {
                without++;
                assertEquals(none.result().traceHash(), drawn.result().traceHash(),
                        "seed " + seed + " drew no actors: the run is the knob-0 run");
            } else {
                with++;
                assertEquals(none.cluster().nodeSlotCount(), drawn.cluster().nodeSlotCount());
            }
        }
        assertTrue(with > 0 && without > 0, with + " seeds with actors, " + without + " without");
    }

    @Test
    void restartsAndRetriesAreDrawnFromTheirMeaningfulValues() {
        Set<Integer> restarts = new TreeSet<>();
        Set<Integer> retries = new TreeSet<>();
        int drawn = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RayActorSpec spec = ChaosSwarm.actorSpec(SimRandom.of(seed), 4);
            if (spec != null) {
                drawn++;
                restarts.add(spec.maxRestarts());
                retries.add(spec.maxTaskRetries());
                assertTrue(spec.actors() >= 1 && spec.actors() <= 4);
            }
        }
        assertEquals(Set.of(-1, 0, 1, 2), restarts);
        assertEquals(Set.of(-1, 0, 1), retries);
        assertTrue(drawn > 150 && drawn < 250, drawn + " of 400 seeds with actors");
    }

    @Test
    void theSwarmsFaultsRestartActorsAndRetryTheirTasks() {
        int restarted = 0;
        int retried = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<HistoryEvent> history = new ArrayList<>();
            RunOutcome outcome = SWARM.withSeed(seed).run(RunOptions.NONE
                    .withHistory(history::add));
            assertEquals(List.of(), outcome.result().violations(), "seed " + seed);
            for (HistoryEvent event : history) {
                if (event instanceof ActorStateChanged e && e.state() == ActorState.RESTARTING) {
                    restarted++;
                } else if (event instanceof ActorTaskChanged e && e.attempt() > 0
                        && e.state() == AttemptState.RUNNING) {
                    retried++;
                }
            }
        }
        assertTrue(restarted > 0, "no actor restarted in 40 seeds");
        assertTrue(retried > 0, "no actor task retried in 40 seeds");
    }
}
