package io.schedsim.model.actor;

import io.schedsim.history.ActorCreated;
import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import io.schedsim.history.ActorTaskChanged;
import io.schedsim.history.ActorTaskSubmitted;
import io.schedsim.history.AttemptState;
import io.schedsim.history.ErrorType;
import io.schedsim.model.history.HistoryPort;

/**
 * The actor workload's history events (docs/history.md, "Ray actors"): an actor's id is its row.
 * The reservation an actor holds is not published as a resources-* event (those name an
 * allocation or a task attempt); it is the actor-created cpuMilli held from ALIVE to RESTARTING
 * or DEAD. Each method returns at once without a sink.
 */
final class ActorHistory {
    private final HistoryPort port;

    ActorHistory(HistoryPort port) {
        this.port = port;
    }

    void created(int actor, RayActorSpec spec) {
        if (port.on()) {
            port.record(new ActorCreated(port.nowNanos(), actor, spec.maxRestarts(),
                    spec.maxTaskRetries(), spec.cpuMilliPerActor()));
            state(actor, -1, ActorState.PENDING_CREATION);
        }
    }

    void state(int actor, int slot, ActorState state) {
        if (port.on()) {
            port.record(new ActorStateChanged(port.nowNanos(), actor, slot, state));
        }
    }

    void submitted(int actor, int seq) {
        if (port.on()) {
            port.record(new ActorTaskSubmitted(port.nowNanos(), actor, seq));
        }
    }

    void task(int actor, int seq, int attempt, int slot, AttemptState state, ErrorType error) {
        if (port.on()) {
            port.record(new ActorTaskChanged(port.nowNanos(), actor, seq, attempt, slot, state,
                    error));
        }
    }
}
