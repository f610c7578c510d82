package io.schedsim.cli.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.SchedulerStall;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The zoom of a failing run spans from the last fault or operator action touching the violation's
 * node or allocation to the violation, however long the run. The run is the bug zoo's shrunk
 * {@code per-node-max-parallel} failure (a sweep of chaos-swarm seeds 1..200 found it): drains of
 * nodes 2, 1 and 4 at 198.687, 200.072 and 202.827 s, then INV-4 on alloc 3 on node 4 at 205.835 s,
 * where the run stops.
 */
class DecisiveZoomTest {
    static final Path SHRUNK = Path.of("..", "docs", "examples",
            "chaos-swarm-per-node-max-parallel-seed25-INV-4.json");
    private static final long DRAIN_NODE_4_MILLIS = 202_827;
    private static final long VIOLATION_MILLIS = 205_835;

    @Test
    void theZoomRunsFromTheDrainOfTheViolatingNodeToTheViolation() {
        ReplayFile file = ReplayFiles.read(SHRUNK, Registry.builtIn());
        TimelineModel model = TimelineBuilder.build(Replayer.replay(file, null));
        assertEquals(VIOLATION_MILLIS, model.violations().get(0).atMillis());
        TimelineModel.Window zoom = model.zoom();
        assertNotNull(zoom);
        assertEquals(DRAIN_NODE_4_MILLIS, zoom.actionMillis());
        assertEquals(VIOLATION_MILLIS, zoom.violationMillis());
        long span = VIOLATION_MILLIS - DRAIN_NODE_4_MILLIS;
        assertEquals(DRAIN_NODE_4_MILLIS - (long) (span * DecisiveWindow.PAD_SHARE),
                zoom.startMillis());
        // The run stops at the violation, so the window cannot reach past it.
        assertEquals(VIOLATION_MILLIS, zoom.endMillis());
        assertTrue(zoom.startMillis() > 200_072, "the drain of node 1 is not decisive: " + zoom);
        assertTrue(zoom.why().contains("drain on node 4 at 202.827 s"), zoom.why());
        assertTrue(zoom.why().contains("node 4 (alloc 3)"), zoom.why());
        assertTrue(model.lanes().get(4).flagged());
        assertEquals(1, model.lanes().stream().filter(TimelineModel.Lane::flagged).count());
    }

    /**
     * The case: an early fault far from the violation made the old zoom (first fault to
     * violation, only when under a fifth of the run) give up. A cluster-wide stall at 5 s does not
     * touch node 4, so the zoom still starts at node 4's drain.
     */
    @Test
    void anEarlyUnrelatedFaultDoesNotWidenTheZoom() {
        ReplayFile shrunk = ReplayFiles.read(SHRUNK, Registry.builtIn());
        List<FaultAction> actions = new ArrayList<>(shrunk.spec().explicitPlan().actions());
        actions.add(0, new SchedulerStall(5_000, 1_000));
        ReplayFile file = new ReplayFile(shrunk.format(),
                shrunk.spec().withPlan(new FaultPlan(actions)), null, null);
        RunOutcome outcome = Replayer.replay(file, null);
        TimelineModel model = TimelineBuilder.build(outcome);
        assertEquals("INV-4", model.violations().get(0).kind());
        long violation = model.violations().get(0).atMillis();
        TimelineModel.Window zoom = model.zoom();
        assertNotNull(zoom);
        assertEquals(DRAIN_NODE_4_MILLIS, zoom.actionMillis());
        assertEquals(violation, zoom.violationMillis());
        assertTrue(zoom.endMillis() - zoom.startMillis() < 2 * (violation - DRAIN_NODE_4_MILLIS),
                "zoom " + zoom);
        assertTrue(violation - 5_000 > model.endMillis() * ZoomWindow.SHARE_MAX,
                "the first fault is far enough back that the old rule had no zoom");
    }

    @Test
    void aViolationWithoutAnyFaultGetsTheStretchBeforeIt() {
        ViolationSubject node2 = ViolationSubject.of(List.of(2), List.of(), List.of(), "");
        TimelineModel.Window zoom = DecisiveWindow.find(300_000, "INV-23", node2, Set.of(2),
                null, 300_000);
        assertEquals(300_000 - DecisiveWindow.LOOKBACK_MILLIS, zoom.actionMillis());
        assertEquals(300_000, zoom.endMillis());
        assertTrue(zoom.why().startsWith("no fault or operator action"), zoom.why());
        ViolationSubject nothing = ViolationSubject.of(List.of(), List.of(), List.of(), "");
        TimelineModel.Window early = DecisiveWindow.find(3_000, "INV-23", nothing, Set.of(),
                null, 4_000);
        assertEquals(0, early.startMillis());
        assertEquals(3_000 + Math.max(DecisiveWindow.PAD_MILLIS_MIN / 2, 3_000 / 10),
                early.endMillis());
    }

    @Test
    void aCleanRunKeepsTheOldZoomRule() {
        ReplayFile shrunk = ReplayFiles.read(SHRUNK, Registry.builtIn());
        ReplayFile correct = new ReplayFile(shrunk.format(), shrunk.spec().withVariant(null),
                null, null);
        TimelineModel model = TimelineBuilder.build(Replayer.replay(correct, null));
        assertTrue(model.violations().isEmpty());
        TimelineModel.Window zoom = model.zoom();
        assertNotNull(zoom, "the three drains lie within a fifth of the run");
        assertEquals(-1, zoom.actionMillis());
        assertEquals(-1, zoom.violationMillis());
        assertTrue(zoom.startMillis() < 198_687 && zoom.endMillis() > 202_827, zoom.toString());
    }
}
