package io.schedsim.cli.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ray runs show per-node task occupancy, recorded by an observer that leaves the run unchanged.
 * The run: ray-chaos with 3 workers of 16 CPUs, 200 nested tasks and a kill every 5 s (two kills).
 */
class TaskOccupancyTest {
    private static final Map<String, String> SMALL = Map.of("workers", "3", "tasks", "200",
            "killIntervalMillis", "5000");

    private static RunOutcome rayChaos(TaskOccupancy occupancy) {
        RunSpec spec = RunSpec.of(Registry.builtIn().scenario("ray-chaos")).withSettings(SMALL);
        return spec.run(RunOptions.NONE.withOnStart(occupancy == null ? null
                : occupancy::install));
    }

    @Test
    void recordingLeasesChangesNoTraceHash() {
        TaskOccupancy occupancy = new TaskOccupancy();
        RunOutcome observed = rayChaos(occupancy);
        RunOutcome plain = rayChaos(null);
        assertTrue(!occupancy.isEmpty());
        assertEquals(plain.result().traceHash(), observed.result().traceHash());
        assertEquals(plain.result().events(), observed.result().events());
    }

    @Test
    void eachWorkerLaneShowsItsAttemptsUntilTheyEnd() {
        TaskOccupancy occupancy = new TaskOccupancy();
        RunOutcome outcome = rayChaos(occupancy);
        TimelineModel model = TimelineBuilder.build(outcome, occupancy, TimelineBuilder.LANES_MAX);
        assertEquals(4, model.lanes().size());
        assertEquals(0, model.lanes().get(0).tasks().attemptsMax(), "the head runs no task here");
        for (TimelineModel.Lane lane : model.lanes().subList(1, 4)) {
            TimelineModel.Occupancy tasks = lane.tasks();
            assertTrue(tasks.attemptsMax() > 0, lane.name());
            // A parent blocked in get and its child: at most two attempts per CPU.
            assertTrue(tasks.attemptsMax() <= 2 * 16, lane.name() + " " + tasks.attemptsMax());
            assertEquals(0, tasks.at(model.endMillis()), lane.name() + " ends empty");
            for (int i = 0; i < tasks.attempts().length; i++) {
                assertTrue(tasks.attempts()[i] >= 0, lane.name() + " step " + i);
                assertTrue(i == 0 || tasks.atMillis()[i] > tasks.atMillis()[i - 1]);
            }
        }
        // A killed node's attempts stay leased in the servers' view until it is declared down.
        for (TimelineModel.Lane lane : model.lanes()) {
            for (TimelineModel.Mark kill : lane.marks()) {
                if (kill.kind().equals("host-terminated")) {
                    long down = lane.status().stream().filter(s -> s.kind().equals("down"))
                            .mapToLong(TimelineModel.Span::startMillis).min().orElseThrow();
                    assertTrue(lane.tasks().at(kill.atMillis() + 1) > 0, lane.name());
                    assertTrue(lane.tasks().at(down - 1) > 0, lane.name());
                    assertEquals(0, lane.tasks().at(down), lane.name());
                }
            }
        }
    }

    @Test
    void aRunWithoutRecordingHasNoBands() {
        TimelineModel model = TimelineBuilder.build(rayChaos(null));
        model.lanes().forEach(lane -> assertNull(lane.tasks()));
        String html = TimelineHtml.render(rayChaos(null));
        assertTrue(!html.contains("task attempts leased"));
        TaskOccupancy occupancy = new TaskOccupancy();
        String withBands = TimelineHtml.render(rayChaos(occupancy), occupancy);
        assertTrue(withBands.contains("node 1: Ray task attempts leased there, up to "));
    }

    /**
     * A shrunk INV-19 failure (bug zoo {@code double-counted-node-loss}) names only "task 6";
     * the recorded leases place it on node 2, so the zoom starts at node 2's last fault.
     */
    @Test
    void aViolatingTaskLeadsTheZoomToItsNode() {
        Path file = Path.of("src", "test", "resources", "io", "schedsim", "cli", "timeline",
                "chaos-swarm-double-counted-node-loss-seed8-INV-19.json");
        TaskOccupancy occupancy = new TaskOccupancy();
        RunOutcome outcome = Replayer.replay(ReplayFiles.read(file, Registry.builtIn()), null, occupancy::install);
        TimelineModel model = TimelineBuilder.build(outcome, occupancy, TimelineBuilder.LANES_MAX);
        assertEquals("INV-19", model.violations().get(0).kind());
        assertTrue(model.zoom().why().contains("touching node 2 (task 6)"), model.zoom().why());
        assertEquals(98_803, model.zoom().actionMillis());
        assertTrue(model.lanes().get(2).flagged());
        TimelineModel blind = TimelineBuilder.build(outcome);
        assertTrue(blind.zoom().why().contains("no node known for task 6"), blind.zoom().why());
    }
}
