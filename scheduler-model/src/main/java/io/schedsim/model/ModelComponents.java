package io.schedsim.model;

import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.heartbeat.HealthChecks;
import io.schedsim.model.heartbeat.TtlHeartbeats;
import io.schedsim.model.placement.PlacementPolicy;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.placement.RayPlacement;
import io.schedsim.model.placement.ScoredPlacement;
import io.schedsim.model.sched.DefaultPlanApplier;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.sched.PlanApplier;
import io.schedsim.model.sched.Scheduler;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * Factories of every pluggable component. The defaults build the correct model; a user's own
 * implementation — or a bug-zoo variant — overrides just the factory of the component it replaces,
 * so no flag inside the model ever says "behave wrongly".
 */
public interface ModelComponents {
    /** The correct model. */
    ModelComponents CORRECT = new ModelComponents() {};

    default FailureDetector detector(Cluster cluster) {
        return cluster.config().detector == DetectorPolicy.NOMAD_TTL
                ? new TtlHeartbeats(cluster) : new HealthChecks(cluster);
    }

    default PlacementPolicy placement(Cluster cluster) {
        return cluster.config().nomadPlacement == PlacementKind.SPREAD
                ? ScoredPlacement.spread() : ScoredPlacement.binPack();
    }

    default Scheduler scheduler(Cluster cluster, PlacementPolicy placement) {
        return new NomadScheduler(cluster, placement);
    }

    default PlanApplier planApplier(Cluster cluster) {
        return new DefaultPlanApplier(cluster);
    }

    default Drainer drainer(Cluster cluster) {
        return new NomadDrainer(cluster);
    }

    default ClientAgent client(Cluster cluster) {
        return new DefaultClient(cluster);
    }

    default RayPlacement rayPlacement(Cluster cluster) {
        return new RayHybridPolicy(cluster);
    }

    default RetryPolicy retryPolicy(Cluster cluster) {
        return new MaxRetriesPolicy();
    }
}
