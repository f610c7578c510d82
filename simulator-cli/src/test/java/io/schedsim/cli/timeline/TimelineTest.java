package io.schedsim.cli.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.spec.FaultPlanSpec;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the timeline shows of real runs: lanes, drains, faults, violations, zoom and scale. */
class TimelineTest {
    private static RunOutcome run(String scenario, long seed, Map<String, String> sets,
            String variant, FaultPlan plan) {
        Registry registry = Registry.builtIn();
        return RunSpec.of(registry.scenario(scenario)).withSeed(seed).withSettings(sets)
                .withVariant(registry.variant(variant))
                .withFaultPlan(plan == null ? FaultPlanSpec.FROM_SEED : FaultPlanSpec.explicit(plan))
                .run();
    }

    @Test
    void drainRunHasALanePerNodeWithTheDrainAndItsAllocations() {
        TimelineModel model = TimelineBuilder.build(run("nomad-drain-ignore-system", 2, Map.of(),
                null, null));
        assertEquals(4, model.lanes().size());
        assertEquals(0, model.hiddenNodes());
        assertNull(model.overview());
        TimelineModel.Lane drained = model.lanes().get(0);
        assertEquals(1, drained.drains().size());
        assertTrue(drained.drains().get(0).label().contains("drain complete"));
        assertEquals(2, drained.allocs().size());
        assertEquals(java.util.Set.of("complete/service", "running/system"),
                drained.allocs().stream().map(a -> a.outcome() + "/" + a.jobType())
                        .collect(java.util.stream.Collectors.toSet()));
        assertFalse(drained.ineligible().isEmpty());
        assertTrue(model.healAtMillis() > 0);
        String html = TimelineHtml.render(run("nomad-drain-ignore-system", 2, Map.of(), null,
                null));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg") && html.contains("<title>"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"));
    }

    @Test
    void aViolationIsMarkedFlaggedAndZoomedInto() {
        RunOutcome outcome = run("nomad-drain-ignore-system", 7, Map.of("nodes", "3", "flips",
                "0"), "ignore-system-ignored", FaultPlan.of(Drain.deadline(60_000, 0, 30_000,
                true)));
        TimelineModel model = TimelineBuilder.build(outcome);
        assertEquals("INV-7", model.violations().get(0).kind());
        assertTrue(model.lanes().get(0).flagged());
        assertFalse(model.lanes().get(1).flagged());
        assertNotNull(model.zoom());
        assertTrue(model.zoom().startMillis() <= 60_000);
        assertTrue(model.zoom().endMillis() >= model.violations().get(0).atMillis());
        String html = TimelineHtml.render(outcome);
        assertTrue(html.contains("Zoom: "));
        assertEquals(2, html.split("<svg ", -1).length - 1);
    }

    @Test
    void aThousandNodesFoldIntoAnOverview() {
        TimelineModel model = TimelineBuilder.build(run("nomad-drain-ignore-system", 2,
                Map.of("nodes", "1000"), null, null));
        assertEquals(1000, model.nodeCount());
        assertTrue(model.lanes().size() <= TimelineBuilder.LANES_MAX, "lanes "
                + model.lanes().size());
        assertEquals(model.nodeCount() - model.lanes().size(), model.hiddenNodes());
        assertNotNull(model.overview());
        assertEquals(0, model.lanes().get(0).node(), "the drained node has a lane");
        assertTrue(model.overview().draining().length > 0);
    }

    @Test
    void rayRunsShowKillsAndDownNodes() {
        TimelineModel model = TimelineBuilder.build(run("ray-chaos", 1, Map.of("workers", "3",
                "tasks", "200", "killIntervalMillis", "5000"), null, null));
        long kills = model.lanes().stream().flatMap(lane -> lane.marks().stream())
                .filter(mark -> mark.kind().equals("host-terminated")).count();
        assertEquals(2, kills);
        assertTrue(model.lanes().stream().anyMatch(lane -> lane.status().stream()
                .anyMatch(span -> span.kind().equals("down"))));
    }

    @Test
    void perfettoExportIsTraceEventJson() throws IOException {
        String json = PerfettoTrace.render(run("nomad-drain-ignore-system", 2, Map.of(), null,
                null));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode events = root.get("traceEvents");
        assertTrue(events.size() > 20);
        boolean slices = false;
        for (JsonNode event : events) {
            assertTrue(event.has("ph") && event.has("pid") && event.has("name"));
            slices |= event.get("ph").asText().equals("X") && event.get("dur").asLong() >= 0;
        }
        assertTrue(slices);
    }

    @Test
    void axisTicksAreRound() {
        Scale scale = new Scale(100, 1000, 0, 600_000);
        assertEquals(50_000, scale.tickMillis());
        assertEquals("50 s", Scale.label(50_000, 50_000));
        Scale zoom = new Scale(100, 1000, 550_075, 551_075);
        assertEquals(100, zoom.tickMillis());
        assertEquals(550_100, zoom.firstTickMillis());
        assertEquals("550.1 s", Scale.label(550_100, 100));
        assertEquals(100.0, zoom.x(0));
        assertEquals(1100.0, zoom.x(Long.MAX_VALUE));
    }
}
