package io.schedsim.fault.swarm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.JobUpdateAction;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.RayDrain;
import io.schedsim.fault.plan.TerminateInstance;
import io.schedsim.model.api.RayDrainReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The swarm's domain holds every plan the generator draws (so guided search's edits are judged
 * by the same promise), and rejects what the generator never does: a fault outside the window,
 * a head or a missing node named, every worker killed or Ray-drained, Nomad operator calls without
 * Nomad jobs, Ray drains without Ray tasks.
 */
class SwarmDomainTest {
    private static final SwarmSpec MIXED = new SwarmSpec(7, List.of(0), 20_000, 600_000, true,
            true);
    private static final SwarmSpec RAY_ONLY = new SwarmSpec(7, List.of(0), 20_000, 600_000,
            false, true);

    @Test
    void everyGeneratedPlanIsInTheDomain() {
        for (long seed = 1; seed <= 3_000; seed++) {
            for (SwarmSpec spec : List.of(MIXED, RAY_ONLY)) {
                FaultPlan plan = SwarmGenerator.generate(seed, spec);
                assertTrue(SwarmDomain.admits(plan, spec), "seed " + seed + ":\n"
                        + plan.describe());
            }
        }
    }

    @Test
    void whatTheGeneratorNeverDrawsIsOutside() {
        assertTrue(SwarmDomain.admits(FaultPlan.of(new LeaderFailover(20_000)), MIXED));
        assertFalse(SwarmDomain.admits(FaultPlan.of(new LeaderFailover(19_999)), MIXED));
        assertFalse(SwarmDomain.admits(FaultPlan.of(new LeaderFailover(600_000)), MIXED));
        assertFalse(SwarmDomain.admits(FaultPlan.of(new KillAgent(30_000, 0)), MIXED),
                "the head is never a target");
        assertFalse(SwarmDomain.admits(FaultPlan.of(new KillAgent(30_000, 7)), MIXED),
                "no such node");
        FaultPlan fiveKills = FaultPlan.of(new KillAgent(30_000, 1), new KillAgent(30_000, 2),
                new KillAgent(30_000, 3), new KillAgent(30_000, 4),
                TerminateInstance.first(30_000, 30_000));
        assertTrue(SwarmDomain.admits(fiveKills, MIXED));
        assertFalse(SwarmDomain.admits(fiveKills.plus(FaultPlan.of(new KillAgent(40_000, 5))),
                MIXED), "six kills of six workers");
        FaultPlan drain = FaultPlan.of(Drain.deadline(30_000, 1, 60_000, false));
        assertTrue(SwarmDomain.admits(drain, MIXED));
        assertFalse(SwarmDomain.admits(drain, RAY_ONLY), "no drains without Nomad jobs");
        FaultPlan update = FaultPlan.of(JobUpdateAction.destructive(30_000, 0));
        assertTrue(SwarmDomain.admits(update, MIXED));
        assertFalse(SwarmDomain.admits(update, RAY_ONLY), "no job updates without Nomad jobs");
    }

    @Test
    void rayDrainedNodesCountWithTheKills() {
        FaultPlan fiveDrains = FaultPlan.of(preempt(1), preempt(2), preempt(3), preempt(4),
                idle(5));
        assertTrue(SwarmDomain.admits(fiveDrains, MIXED));
        assertTrue(SwarmDomain.admits(fiveDrains, RAY_ONLY));
        assertFalse(SwarmDomain.admits(fiveDrains.plus(FaultPlan.of(idle(6))), MIXED),
                "every worker Ray-drained: no lease anywhere (R-17)");
        assertFalse(SwarmDomain.admits(fiveDrains.plus(FaultPlan.of(new KillAgent(40_000, 6))),
                MIXED), "five drained and the sixth killed");
        assertFalse(SwarmDomain.admits(fiveDrains.plus(FaultPlan.of(
                TerminateInstance.first(40_000, 40_000))), MIXED), "a kill by rule counts too");
        // Draining a node twice, or killing the node drained, takes it away once.
        assertTrue(SwarmDomain.admits(fiveDrains.plus(FaultPlan.of(preempt(5),
                TerminateInstance.slot(70_000, 1, 70_000), new KillAgent(70_000, 2))), MIXED));
        assertFalse(SwarmDomain.admits(FaultPlan.of(preempt(1)),
                new SwarmSpec(7, List.of(0), 20_000, 600_000, true, false)),
                "no Ray drains without Ray tasks");
    }

    private static RayDrain preempt(int node) {
        return new RayDrain(30_000, node, RayDrainReason.PREEMPTION, 30_000);
    }

    private static RayDrain idle(int node) {
        return new RayDrain(30_000, node, RayDrainReason.IDLE_TERMINATION, 0);
    }
}
