package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.schedsim.core.event.Simulation;
import io.schedsim.model.client.DefaultClient;
import io.schedsim.model.config.ClusterConfig;
import io.schedsim.model.config.DetectorPolicy;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.drain.Drainer;
import io.schedsim.model.drain.NomadDrainer;
import io.schedsim.model.heartbeat.HealthChecks;
import io.schedsim.model.heartbeat.TtlHeartbeats;
import io.schedsim.model.placement.RayHybridPolicy;
import io.schedsim.model.sched.DefaultPlanApplier;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.task.MaxRetriesPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelComponents} as a value: the defaults build the correct model (the detector chosen
 * by config), a wither replaces exactly one factory, the cluster hands every factory its own
 * narrow context, and the text of a value names what differs from the defaults.
 */
class ModelComponentsTest {
    @Test
    void defaultsBuildTheCorrectModelAndChooseTheDetectorByConfig() {
        ModelComponents defaults = ModelComponents.defaults();
        ModelContext nomad = context(DetectorPolicy.NOMAD_TTL);
        ModelContext ray = context(DetectorPolicy.RAY_HEALTH_CHECK);
        assertInstanceOf(TtlHeartbeats.class, defaults.detector().create(nomad));
        assertInstanceOf(HealthChecks.class, defaults.detector().create(ray));
        assertInstanceOf(NomadScheduler.class,
                defaults.scheduler().create(nomad, defaults.placement().create(nomad)));
        assertInstanceOf(DefaultPlanApplier.class, defaults.planApplier().create(nomad));
        assertInstanceOf(NomadDrainer.class, defaults.drainer().create(nomad));
        assertInstanceOf(DefaultClient.class, defaults.client().create(nomad));
        assertInstanceOf(RayHybridPolicy.class, defaults.rayPlacement().create(nomad));
        assertSame(MaxRetriesPolicy.INSTANCE, defaults.retryPolicy().create(nomad));
        assertSame(defaults, ModelComponents.defaults(), "one value, not a fresh copy");
    }

    @Test
    void aWitherReplacesOneFactoryAndLeavesTheRestAndTheDefaultsAlone() {
        ModelComponents defaults = ModelComponents.defaults();
        ModelComponents.Factory<Drainer> mine = NomadDrainer::new;
        ModelComponents changed = defaults.withDrainer(mine);
        assertSame(mine, changed.drainer());
        assertNotSame(mine, defaults.drainer(), "the defaults are unchanged");
        assertSame(defaults.detector(), changed.detector());
        assertSame(defaults.placement(), changed.placement());
        assertSame(defaults.scheduler(), changed.scheduler());
        assertSame(defaults.planApplier(), changed.planApplier());
        assertSame(defaults.client(), changed.client());
        assertSame(defaults.rayPlacement(), changed.rayPlacement());
        assertSame(defaults.retryPolicy(), changed.retryPolicy());
        assertThrows(NullPointerException.class, () -> defaults.withDrainer(null));
    }

    @Test
    void theClusterBuildsEachComponentFromItsContext() {
        List<ModelContext> seen = new ArrayList<>();
        ModelComponents recording = ModelComponents.defaults().withDrainer(context -> {
            seen.add(context);
            return new NomadDrainer(context);
        });
        Cluster cluster = Cluster.create(new Simulation(1), NomadClusters.config(), recording);
        cluster.addNode(4_000, 1_000, false);
        assertEquals(List.of(), seen, "nothing is built before start");
        cluster.start();
        assertEquals(List.of(cluster.context()), seen, "built once, from the cluster's context");
        assertInstanceOf(NomadDrainer.class, cluster.drainer());
        assertSame(cluster.state(), cluster.context().state());
        assertSame(cluster.monitor(), cluster.context().checks());
    }

    @Test
    void itsTextNamesTheReplacedComponents() {
        ModelComponents defaults = ModelComponents.defaults();
        assertEquals("ModelComponents.defaults()", defaults.toString());
        assertEquals("ModelComponents.defaults().withDrainer(..)",
                defaults.withDrainer(NomadDrainer::new).toString());
        assertEquals("ModelComponents.defaults().withScheduler(..).withRetryPolicy(..)",
                defaults.withRetryPolicy(context -> MaxRetriesPolicy.INSTANCE)
                        .withScheduler(NomadScheduler::new).toString());
    }

    private static ModelContext context(DetectorPolicy detector) {
        ClusterConfig config = new ClusterConfig();
        config.detector = detector;
        Cluster cluster = Cluster.create(new Simulation(1), config, ModelComponents.defaults());
        cluster.addNode(4_000, 1_000, false);
        return cluster.context();
    }
}
