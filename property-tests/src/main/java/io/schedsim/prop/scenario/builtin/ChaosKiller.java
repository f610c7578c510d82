package io.schedsim.prop.scenario.builtin;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.kind.KillerPlan;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.history.KillerConfigured;
import io.schedsim.prop.scenario.ScenarioConfig;

/**
 * The Ray chaos killer as the scenarios that run it configure it (SC-1, setup_chaos.py): its
 * plan from the knobs {@code maxKills}, {@code horizonMillis}, {@code randomVictim} and
 * {@code killMode}, and the killer-configured event INV-20 holds it to. Each scenario passes the
 * kill interval it derives from its own workload.
 */
final class ChaosKiller {
    /** The {@code killMode} value that kills raylets (F-2) instead of instances. */
    static final String AGENT = "agent";
    /** The {@code killMode} value that terminates instances (F-1). */
    static final String TERMINATE = "terminate";

    private ChaosKiller() {}

    /** One kill per window of {@code intervalMillis}, at most maxKills, before the horizon. */
    static FaultPlan plan(ScenarioConfig config, SimRandom faults, long intervalMillis) {
        return KillerPlan.generate(faults, intervalMillis, config.intValue("maxKills"),
                config.longValue("horizonMillis"), config.booleanValue("randomVictim"),
                AGENT.equals(config.stringValue("killMode")));
    }

    /** The plan is the killer's: one kill (batch 1) per window of the interval it was drawn with. */
    static KillerConfigured configured(ScenarioConfig config, long intervalMillis) {
        return new KillerConfigured(0, config.intValue("maxKills"), intervalMillis, 1);
    }
}
