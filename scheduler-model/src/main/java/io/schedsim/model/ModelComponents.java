package io.schedsim.model;

import io.schedsim.model.actor.ActorFaultPolicy;
import io.schedsim.model.actor.RayActorPolicy;
import io.schedsim.model.client.ClientAgent;
import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.config.PlacementKind;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.heartbeat.FailureDetector;
import io.schedsim.model.heartbeat.HealthChecks;
import io.schedsim.model.heartbeat.RayHeartbeats;
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
import java.util.Objects;

/**
 * Which implementation of each pluggable component a cluster runs, as one immutable value of
 * factories. {@link #defaults()} is the correct model; a user's own implementation, or a bug-zoo
 * variant, replaces one factory and keeps the others, registered by constructor reference:
 *
 * <pre>{@code
 * ModelComponents mine = ModelComponents.defaults().withDrainer(MyDrainer::new);
 * }</pre>
 *
 * where {@code MyDrainer(ModelContext)} builds the drainer from the narrow context every component
 * gets. No flag inside the model ever says "behave wrongly": a variant is a different value.
 * The cluster calls each factory once, when it starts, in a fixed order (Ray placement, client,
 * drainer, placement, scheduler, plan applier, failure detector, retry policy, actor policy; the
 * last only for a run with actors).
 *
 * @param detector builds the failure detector: TTL heartbeats or Ray health checks by config
 * @param placement builds the Nomad placement policy: bin-pack or spread by config
 * @param scheduler builds the reconciler, given the placement policy built for it
 * @param planApplier builds the plan applier
 * @param drainer builds the node drainer
 * @param client builds the client agent of the nodes
 * @param rayPlacement builds Ray's lease placement
 * @param retryPolicy builds the Ray owners' retry policy
 * @param actorPolicy builds the Ray actors' restart and task-retry policy
 * @param killer the Ray chaos killer's victim rules, used by the fault injector
 */
public record ModelComponents(
        Factory<FailureDetector> detector,
        Factory<PlacementPolicy> placement,
        SchedulerFactory scheduler,
        Factory<PlanApplier> planApplier,
        Factory<Drainer> drainer,
        Factory<ClientAgent> client,
        Factory<RayPlacement> rayPlacement,
        Factory<RetryPolicy> retryPolicy,
        Factory<ActorFaultPolicy> actorPolicy,
        KillerRules killer) {

    /** Builds one component of a cluster from the context it will run with. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(ModelContext context);
    }

    /** Builds the scheduler, which also gets the placement policy built for it. */
    @FunctionalInterface
    public interface SchedulerFactory {
        Scheduler create(ModelContext context, PlacementPolicy placement);
    }

    private static final Factory<FailureDetector> DEFAULT_DETECTOR = context ->
            switch (context.config().detector) {
                case NOMAD_TTL -> new TtlHeartbeats(context);
                case RAY_HEALTH_CHECK -> new HealthChecks(context);
                case RAY_LEGACY_HEARTBEAT -> new RayHeartbeats(context);
            };
    private static final Factory<PlacementPolicy> DEFAULT_PLACEMENT = context ->
            context.config().nomadPlacement == PlacementKind.SPREAD
                    ? ScoredPlacement.spread() : ScoredPlacement.binPack();
    private static final SchedulerFactory DEFAULT_SCHEDULER = NomadScheduler::new;
    private static final Factory<PlanApplier> DEFAULT_PLAN_APPLIER = DefaultPlanApplier::new;
    private static final Factory<Drainer> DEFAULT_DRAINER = NomadDrainer::new;
    private static final Factory<ClientAgent> DEFAULT_CLIENT = DefaultClient::new;
    private static final Factory<RayPlacement> DEFAULT_RAY_PLACEMENT = RayHybridPolicy::new;
    private static final Factory<RetryPolicy> DEFAULT_RETRY_POLICY =
            context -> MaxRetriesPolicy.INSTANCE;
    private static final Factory<ActorFaultPolicy> DEFAULT_ACTOR_POLICY =
            context -> RayActorPolicy.INSTANCE;
    private static final ModelComponents DEFAULTS = new ModelComponents(DEFAULT_DETECTOR,
            DEFAULT_PLACEMENT, DEFAULT_SCHEDULER, DEFAULT_PLAN_APPLIER, DEFAULT_DRAINER,
            DEFAULT_CLIENT, DEFAULT_RAY_PLACEMENT, DEFAULT_RETRY_POLICY, DEFAULT_ACTOR_POLICY,
            KillerRules.RAY);

    public ModelComponents {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(planApplier, "planApplier");
        Objects.requireNonNull(drainer, "drainer");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(rayPlacement, "rayPlacement");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(actorPolicy, "actorPolicy");
        Objects.requireNonNull(killer, "killer");
    }

    /** The correct model: every component as SEMANTICS describes it. */
    public static ModelComponents defaults() {
        return DEFAULTS;
    }

    public ModelComponents withDetector(Factory<FailureDetector> factory) {
        return new ModelComponents(factory, placement, scheduler, planApplier, drainer, client,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withPlacement(Factory<PlacementPolicy> factory) {
        return new ModelComponents(detector, factory, scheduler, planApplier, drainer, client,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withScheduler(SchedulerFactory factory) {
        return new ModelComponents(detector, placement, factory, planApplier, drainer, client,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withPlanApplier(Factory<PlanApplier> factory) {
        return new ModelComponents(detector, placement, scheduler, factory, drainer, client,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withDrainer(Factory<Drainer> factory) {
        return new ModelComponents(detector, placement, scheduler, planApplier, factory, client,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withClient(Factory<ClientAgent> factory) {
        return new ModelComponents(detector, placement, scheduler, planApplier, drainer, factory,
                rayPlacement, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withRayPlacement(Factory<RayPlacement> factory) {
        return new ModelComponents(detector, placement, scheduler, planApplier, drainer, client,
                factory, retryPolicy, actorPolicy, killer);
    }

    public ModelComponents withRetryPolicy(Factory<RetryPolicy> factory) {
        return new ModelComponents(detector, placement, scheduler, planApplier, drainer, client,
                rayPlacement, factory, actorPolicy, killer);
    }

    public ModelComponents withActorPolicy(Factory<ActorFaultPolicy> factory) {
        return new ModelComponents(detector, placement, scheduler, planApplier, drainer, client,
                rayPlacement, retryPolicy, factory, killer);
    }

    public ModelComponents withKiller(KillerRules rules) {
        return new ModelComponents(detector, placement, scheduler, planApplier, drainer, client,
                rayPlacement, retryPolicy, actorPolicy, rules);
    }

    /**
     * The components that differ from the defaults, as the expression that builds this value,
     * e.g. {@code ModelComponents.defaults().withDrainer(..)}. Factories have no names of their
     * own (a lambda's text carries an identity hash), so only the replaced slots are named.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ModelComponents.defaults()");
        appendIfReplaced(text, detector, DEFAULT_DETECTOR, "Detector");
        appendIfReplaced(text, placement, DEFAULT_PLACEMENT, "Placement");
        appendIfReplaced(text, scheduler, DEFAULT_SCHEDULER, "Scheduler");
        appendIfReplaced(text, planApplier, DEFAULT_PLAN_APPLIER, "PlanApplier");
        appendIfReplaced(text, drainer, DEFAULT_DRAINER, "Drainer");
        appendIfReplaced(text, client, DEFAULT_CLIENT, "Client");
        appendIfReplaced(text, rayPlacement, DEFAULT_RAY_PLACEMENT, "RayPlacement");
        appendIfReplaced(text, retryPolicy, DEFAULT_RETRY_POLICY, "RetryPolicy");
        appendIfReplaced(text, actorPolicy, DEFAULT_ACTOR_POLICY, "ActorPolicy");
        appendIfReplaced(text, killer, KillerRules.RAY, "Killer");
        return text.toString();
    }

    private static void appendIfReplaced(StringBuilder text, Object factory, Object fallback,
            String slot) {
        if (factory != fallback) {
            text.append(".with").append(slot).append("(..)");
        }
    }
}
