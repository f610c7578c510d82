package io.schedsim.model.context;

import io.schedsim.core.event.Simulation;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.state.StateStore;
import java.util.Objects;

/**
 * What a model component gets to work with, and all it gets: the simulation (virtual time, event
 * kinds, named random streams, metrics), the cluster's configuration, the servers' state with its
 * checked writes, the control network its messages travel over, the online invariant checks, and
 * the control plane's operations, and the port the run's observable history goes out through. A
 * component never sees the cluster that wires it, nor the ground truth of its nodes except
 * through reads, so everything it changes passes a check, and every change of state it makes is
 * published by the store, not by the component.
 *
 * @param sim the simulation the cluster runs on; components register their event kinds here
 * @param config the cluster's knobs; read-only once the cluster is built
 * @param state the servers' state: reads of nodes, allocations and jobs, and checked writes
 * @param network delays and drops of control-plane messages
 * @param checks the online invariant monitor, for invariants a component checks itself
 * @param control what components may ask of the control plane
 * @param history the run's observable history (docs/history.md); components publish through it
 *     only what no store write shows: messages such as heartbeats and health checks
 */
public record ModelContext(Simulation sim, ClusterConfig config, StateStore state,
        ControlNetwork network, InvariantMonitor checks, ControlPlane control,
        HistoryPort history) {

    public ModelContext {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(history, "history");
    }
}
