package io.schedsim.fault.swarm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.fault.plan.Drain;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.KillAgent;
import io.schedsim.fault.plan.LeaderFailover;
import io.schedsim.fault.plan.TerminateInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The swarm's domain holds every plan the generator draws (so guided search's edits are judged
 * by the same promise), and rejects what the generator never does: a fault outside the window,
 * a head or a missing node named, every worker killed, operator calls without Nomad jobs.
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
    }
}
