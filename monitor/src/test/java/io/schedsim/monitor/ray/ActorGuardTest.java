package io.schedsim.monitor.ray;

import static io.schedsim.monitor.Reports.assertFires;
import static io.schedsim.monitor.Reports.assertOnly;
import static io.schedsim.monitor.Reports.assertQuiet;
import static io.schedsim.monitor.Reports.assertSkipped;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.history.ActorCreated;
import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.ActorTaskSubmitted;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.history.RayDrainReason;
import io.schedsim.history.RunStopReason;
import io.schedsim.monitor.HistoryBuilder;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.MonitorReport;
import org.junit.jupiter.api.Test;

/**
 * and INV-28 on actors ({@link ActorGuard}): each rule fires on the history a
 * broken actor component would write, and stays quiet on Ray's behaviour.
 */
class ActorGuardTest {
    /** Actor 5 (the given limits) with tasks 0 and 1, ALIVE on node 1 from 1 s. */
    private static HistoryBuilder alive(int maxRestarts, int maxTaskRetries) {
        HistoryBuilder b = RayFlows.bareCluster().at(0.5);
        b.add(new ActorCreated(b.now(), 5, maxRestarts, maxTaskRetries, 250));
        state(b, -1, ActorState.PENDING_CREATION);
        b.add(new ActorTaskSubmitted(b.now(), 5, 0));
        b.add(new ActorTaskSubmitted(b.now(), 5, 1));
        b.at(1);
        return state(b, 1, ActorState.ALIVE);
    }

    private static HistoryBuilder state(HistoryBuilder b, int node, ActorState state) {
        return b.add(new ActorStateChanged(b.now(), 5, node, state));
    }

    private static HistoryBuilder task(HistoryBuilder b, int seq, int attempt, int node,
            AttemptState state) {
        ErrorType error = state == AttemptState.FAILED ? ErrorType.NODE_DIED : ErrorType.NONE;
        return b.add(new ActorTaskChanged(b.now(), 5, seq, attempt, node, state, error));
    }

    /** Task 0 runs on node 1, node 1 is declared DEAD, the actor restarts on node 2. */
    private static HistoryBuilder restartedOnce(int maxRestarts, int maxTaskRetries) {
        HistoryBuilder b = task(alive(maxRestarts, maxTaskRetries), 0, 0, 1, AttemptState.RUNNING);
        RayFlows.declareDead(b.at(2), 1);
        task(b, 0, 0, 1, AttemptState.FAILED);
        state(b, 1, ActorState.RESTARTING);
        return state(b.at(20), 2, ActorState.ALIVE);
    }

    /** Both tasks FINISHED on the restarted actor, which the driver's exit ends. */
    private static HistoryBuilder completed(HistoryBuilder b, int firstAttempt) {
        task(b, 0, firstAttempt, 2, AttemptState.RUNNING);
        task(b.at(21), 0, firstAttempt, 2, AttemptState.FINISHED);
        task(b, 1, 0, 2, AttemptState.RUNNING);
        task(b.at(22), 1, 0, 2, AttemptState.FINISHED);
        return state(b, 2, ActorState.DEAD).end(RunStopReason.CONDITION);
    }

    @Test
    void aRestartWithItsTaskRetriedIsQuiet() {
        assertQuiet(completed(restartedOnce(-1, -1), 1).check());
        assertQuiet(completed(restartedOnce(1, 1), 1).check());
    }

    @Test
    void restartsBeyondMaxRestartsFire() {
        assertOnly(completed(restartedOnce(0, -1), 1).check(), Invariant.ACTOR_RESTARTS);
        HistoryBuilder twice = restartedOnce(1, -1);
        task(twice.at(21), 0, 1, 2, AttemptState.RUNNING);
        RayFlows.declareDead(twice.at(22), 2);
        task(twice, 0, 1, 2, AttemptState.FAILED);
        state(twice, 2, ActorState.RESTARTING);
        assertOnly(twice.check(), Invariant.ACTOR_RESTARTS);
    }

    @Test
    void aPreemptedDeathRestartsForFree() {
        HistoryBuilder b = task(alive(1, -1), 0, 0, 1, AttemptState.RUNNING);
        b.at(1.5).rayDrain(1, RayDrainReason.PREEMPTION, 100, true);
        RayFlows.declareDead(b.at(2), 1);
        task(b, 0, 0, 1, AttemptState.FAILED);
        state(b, 1, ActorState.RESTARTING);
        state(b.at(20), 2, ActorState.ALIVE);
        task(b, 0, 1, 2, AttemptState.RUNNING);
        RayFlows.declareDead(b.at(21), 2);
        task(b, 0, 1, 2, AttemptState.FAILED);
        state(b, 2, ActorState.RESTARTING);
        assertQuiet(b.check());
    }

    @Test
    void aDeadActorNeverRunsAgain() {
        HistoryBuilder b = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        task(b.at(2), 0, 0, 1, AttemptState.FINISHED);
        state(b, 1, ActorState.DEAD);
        state(b.at(3), 2, ActorState.ALIVE);
        assertFires(b.check(), Invariant.ACTOR_RESTARTS);
        HistoryBuilder run = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        task(run.at(2), 0, 0, 1, AttemptState.FINISHED);
        state(run, 1, ActorState.DEAD);
        task(run.at(3), 1, 0, 1, AttemptState.RUNNING);
        assertFires(run.check(), Invariant.ACTOR_RESTARTS);
    }

    @Test
    void tasksRunInSubmissionOrderAndNeverAgainOnceFinished() {
        HistoryBuilder early = task(alive(-1, -1), 1, 0, 1, AttemptState.RUNNING);
        assertOnly(early.check(), Invariant.ACTOR_RESTARTS);
        HistoryBuilder again = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        task(again.at(2), 0, 0, 1, AttemptState.FINISHED);
        task(again, 0, 1, 1, AttemptState.RUNNING);
        assertOnly(again.check(), Invariant.ACTOR_RESTARTS);
    }

    @Test
    void aDroppedTaskBreaksOrderAndAtLeastOnce() {
        // dropped-actor-task's shape: task 0 fails with the actor, is never retried, task 1 runs.
        HistoryBuilder b = restartedOnce(-1, -1);
        task(b, 1, 0, 2, AttemptState.RUNNING);
        task(b.at(21), 1, 0, 2, AttemptState.FINISHED);
        state(b, 2, ActorState.DEAD).end(RunStopReason.CONDITION);
        var report = b.check();
        assertFires(report, Invariant.ACTOR_RESTARTS);
        assertTrue(report.violations().stream().anyMatch(
                v -> v.invariant() == Invariant.ACTOR_AT_LEAST_ONCE), report::toString);
    }

    @Test
    void atMostOnceActorsMayLoseATaskButNotRetryPastTheLimit() {
        HistoryBuilder lost = restartedOnce(-1, 0);
        task(lost, 1, 0, 2, AttemptState.RUNNING);
        task(lost.at(21), 1, 0, 2, AttemptState.FINISHED);
        assertQuiet(state(lost, 2, ActorState.DEAD).end(RunStopReason.CONDITION).check());
        HistoryBuilder retried = restartedOnce(-1, 0);
        task(retried, 0, 1, 2, AttemptState.RUNNING);
        assertOnly(retried.check(), Invariant.ACTOR_RESTARTS);
    }

    @Test
    void anActorLeftAliveOnADeadNodeFires() {
        HistoryBuilder b = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        RayFlows.declareDead(b.at(2), 1);
        assertFires(b.at(3).check(), Invariant.NODE_DEATH_FAILS_ATTEMPTS);
    }

    @Test
    void atLeastOnceIsJudgedOnlyWhenTheRunSettled() {
        HistoryBuilder missing = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        task(missing.at(2), 0, 0, 1, AttemptState.FINISHED);
        state(missing, 1, ActorState.DEAD).end(RunStopReason.CONDITION);
        assertOnly(missing.check(), Invariant.ACTOR_AT_LEAST_ONCE);
        HistoryBuilder cut = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        assertSkipped(cut.check(), Invariant.ACTOR_AT_LEAST_ONCE, "did not settle");
    }

    @Test
    void anActorWaitingWithNoNodeToTakeItIsExcused() {
        // R-14 (chaos-swarm seed 2430): node 2 is Ray-drained for good, node 1 dies with
        // the actor, which stays RESTARTING: its tasks wait, as INV-23's waiting tasks do.
        HistoryBuilder b = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        b.rayDrain(2, RayDrainReason.PREEMPTION, 0, true);
        RayFlows.declareDead(b.at(2), 1);
        task(b, 0, 0, 1, AttemptState.FAILED);
        state(b, 1, ActorState.RESTARTING);
        MonitorReport waiting = b.at(600).end(RunStopReason.TIME_LIMIT).check();
        assertQuiet(waiting);
        assertSkipped(waiting, Invariant.ACTOR_AT_LEAST_ONCE, "no ALIVE, non-draining node");
        // Without the drain node 2 could take it: the tasks it never ran count.
        HistoryBuilder free = task(alive(-1, -1), 0, 0, 1, AttemptState.RUNNING);
        RayFlows.declareDead(free.at(2), 1);
        task(free, 0, 0, 1, AttemptState.FAILED);
        state(free, 1, ActorState.RESTARTING);
        assertOnly(free.at(600).end(RunStopReason.TIME_LIMIT).check(),
                Invariant.ACTOR_AT_LEAST_ONCE);
    }

    @Test
    void liveActorsHoldTheirNodesCpu() {
        // Node 2 is Ray-drained, and four live actors of 1 CPU fill node 1 (4 CPUs): a task
        // left pending has no node with its CPU free, though the history reserves
        // nothing for the actors (INV-23's excuse counts them).
        HistoryBuilder b = RayFlows.bareCluster().at(0.5);
        b.rayDrain(2, RayDrainReason.PREEMPTION, 0, true);
        for (int a = 0; a < 4; a++) {
            b.add(new ActorCreated(b.now(), a, 0, 0, 1_000));
            b.add(new ActorStateChanged(b.now(), a, -1, ActorState.PENDING_CREATION));
            b.add(new ActorStateChanged(b.now(), a, 1, ActorState.ALIVE));
        }
        b.submit(1, -1, -1).pending(1, 0);
        MonitorReport report = b.at(600).end(RunStopReason.TIME_LIMIT).check();
        assertQuiet(report);
        assertSkipped(report, Invariant.TASKS_TERMINAL, "waits");
    }

    @Test
    void unknownActorsAndTasksAreInconsistent() {
        HistoryBuilder b = RayFlows.bareCluster().at(1);
        b.add(new ActorStateChanged(b.now(), 9, 1, ActorState.ALIVE));
        assertOnly(b.check(), Invariant.HISTORY_INCONSISTENT);
        HistoryBuilder seq = task(alive(-1, -1), 7, 0, 1, AttemptState.RUNNING);
        assertOnly(seq.check(), Invariant.HISTORY_INCONSISTENT);
    }
}
