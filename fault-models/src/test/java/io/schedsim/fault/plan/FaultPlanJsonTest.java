package io.schedsim.fault.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanJsonTest {

    @Test
    void everyActionTypeRoundTripsExactly() {
        FaultPlan plan = new FaultPlan(SampleActions.all());
        String json = plan.toJson();
        FaultPlan read = FaultPlan.fromJson(json);
        assertEquals(plan, read);
        assertEquals(json, read.toJson(), "writing is a pure function of the plan");
    }

    @Test
    void eachActionIsTaggedWithItsKind() {
        for (FaultAction action : SampleActions.all()) {
            String json = FaultPlan.of(action).toJson();
            assertTrue(json.contains("\"type\" : \"" + action.kind() + "\""), json);
            assertEquals(action, FaultPlan.fromJson(json).get(0));
        }
    }

    @Test
    void emptyPlanRoundTrips() {
        assertEquals(FaultPlan.EMPTY, FaultPlan.fromJson(FaultPlan.EMPTY.toJson()));
        assertEquals(FaultPlan.EMPTY, FaultPlan.fromJson("{\"actions\":[]}"));
    }

    @Test
    void awkwardDoublesSurviveTheRoundTrip() {
        double third = 1.0 / 3.0;
        FaultPlan plan = FaultPlan.of(new HeartbeatLoss(0, 1_000, List.of(0), third),
                new SlowTasks(0, 1_000, 1.0 + Math.ulp(1.0)));
        assertEquals(plan, FaultPlan.fromJson(plan.toJson()));
    }

    @Test
    void readingIsStrictAndNamesTheField() {
        IllegalArgumentException unknownType = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.fromJson("{\"actions\":[{\"type\":\"meteor\",\"atMillis\":1}]}"));
        assertTrue(unknownType.getMessage().contains("meteor"), unknownType.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.fromJson(
                        "{\"actions\":[{\"type\":\"kill-agent\",\"atMillis\":1}]}"));
        assertTrue(missing.getMessage().contains("node"), missing.getMessage());
        IllegalArgumentException unknownField = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.fromJson("{\"actions\":[{\"type\":\"leader-failover\","
                        + "\"atMillis\":1,\"extra\":2}]}"));
        assertTrue(unknownField.getMessage().contains("extra"), unknownField.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.fromJson("{\"actions\":"));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.fromJson("{\"actions\":[{\"type\":\"leader-failover\","
                        + "\"atMillis\":-5}]}"));
        assertTrue(invalid.getMessage().contains("atMillis"), invalid.getMessage());
    }
}
