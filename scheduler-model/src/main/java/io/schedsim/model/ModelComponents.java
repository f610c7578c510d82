package io.schedsim.model;

import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.context.ModelContext;
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

    default FailureDetector detector(ModelContext context) {
        return context.config().detector == DetectorPolicy.NOMAD_TTL
                ? new TtlHeartbeats(context) : new HealthChecks(context);
    }

    default PlacementPolicy placement(ModelContext context) {
        return context.config().nomadPlacement == PlacementKind.SPREAD
                ? ScoredPlacement.spread() : ScoredPlacement.binPack();
    }

    default Scheduler scheduler(ModelContext context, PlacementPolicy placement) {
        return new NomadScheduler(context, placement);
    }

    default PlanApplier planApplier(ModelContext context) {
        return new DefaultPlanApplier(context);
    }

    default Drainer drainer(ModelContext context) {
        return new NomadDrainer(context);
    }

    default ClientAgent client(ModelContext context) {
        return new DefaultClient(context);
    }

    default RayPlacement rayPlacement(ModelContext context) {
        return new RayHybridPolicy(context);
    }

    default RetryPolicy retryPolicy(ModelContext context) {
        return new MaxRetriesPolicy();
    }
}
