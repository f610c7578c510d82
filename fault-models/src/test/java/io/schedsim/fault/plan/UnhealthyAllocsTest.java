package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The N-13 fault action: JSON, description, and a shrinker that shortens it and drops nodes. */
class UnhealthyAllocsTest {
    @Test
    void roundTripsThroughJsonWithOrWithoutNodes() {
        FaultPlan plan = new FaultPlan(List.of(UnhealthyAllocs.everywhere(5_000, 60_000),
                new UnhealthyAllocs(6_000, 30_000, List.of(3, 1, 3))));
        String json = plan.toJson();
        assertTrue(json.contains("\"unhealthy-allocs\""), json);
        assertEquals(plan, FaultPlan.fromJson(json));
        UnhealthyAllocs listed = (UnhealthyAllocs) plan.get(1);
        assertEquals(List.of(1, 3), listed.nodes(), "sorted and distinct");
        FaultPlan read = FaultPlan.fromJson("{\"actions\":[{\"type\":\"unhealthy-allocs\","
                + "\"atMillis\":1000,\"durationMillis\":2000,\"nodes\":[]}]}");
        assertTrue(((UnhealthyAllocs) read.get(0)).allNodes());
    }

    @Test
    void describesItsNodes() {
        assertEquals("t=5.000s unhealthy-allocs for=60.000s nodes=all",
                UnhealthyAllocs.everywhere(5_000, 60_000).describe());
        assertEquals("t=6.000s unhealthy-allocs for=30.000s nodes=[1, 3]",
                new UnhealthyAllocs(6_000, 30_000, List.of(1, 3)).describe());
    }

    @Test
    void simplerShortensTheWindowAndDropsNodes() {
        UnhealthyAllocs action = new UnhealthyAllocs(10_000, 8_000, List.of(1, 2));
        assertEquals(List.of(new UnhealthyAllocs(10_000, 4_000, List.of(1, 2)),
                new UnhealthyAllocs(14_000, 4_000, List.of(1, 2)),
                new UnhealthyAllocs(10_000, 8_000, List.of(2)),
                new UnhealthyAllocs(10_000, 8_000, List.of(1))), action.simpler());
        for (FaultAction simpler : action.simpler()) {
            assertTrue(simpler.complexity() < action.complexity(), simpler::describe);
        }
        assertEquals(List.of(), UnhealthyAllocs.everywhere(0, 150).simpler(),
                "a window at the floor on every node is as simple as it gets");
        assertEquals(18_000, action.endMillis());
    }

    @Test
    void rejectsBadFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnhealthyAllocs(-1, 1_000, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new UnhealthyAllocs(0, 0, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new UnhealthyAllocs(0, 1_000, List.of(-2)));
    }
}
