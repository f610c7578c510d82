package io.schedsim.cli.command;

import io.schedsim.cli.Catalogs;
import io.schedsim.core.trace.TraceSink;
import io.schedsim.history.HistorySink;
import io.schedsim.prop.scenario.BuiltInScenario;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugVariant;
import java.util.Map;

/** A scenario looked up and a request validated from command-line text, before anything runs. */
record ResolvedRun(ScenarioDefinition scenario, RunRequest request) {
    /** Looks up the scenario and variant and parses every override; throws on bad input. */
    static ResolvedRun resolve(Catalogs catalogs, String scenarioName, long seed,
            Map<String, String> overrides, String variantName) {
        ScenarioDefinition scenario = catalogs.scenario(scenarioName);
        Map<String, Object> config = scenario.configWith(overrides);
        BugVariant variant = catalogs.variant(variantName);
        RunRequest request = new RunRequest(scenario.name(), seed, config,
                variant == null ? null : variant.name());
        return new ResolvedRun(scenario, request);
    }

    /**
     * Runs the request the way {@code run} does (plan from the seed, FIFO same-time order). A
     * built-in scenario also hands back its final cluster and fault ledger, which the timeline
     * draws; any other scenario reports its result only.
     */
    RunOutcome execute(TraceSink traceSink) {
        return execute(traceSink, HistorySink.NONE);
    }

    /** As {@link #execute(TraceSink)}, the run's history also written to {@code history}. */
    RunOutcome execute(TraceSink traceSink, HistorySink history) {
        if (scenario instanceof BuiltInScenario || history != HistorySink.NONE) {
            return scenario.execute(request, null, OrderingSpec.FIFO, traceSink, history);
        }
        return new RunOutcome(scenario.run(request, traceSink), null, OrderingSpec.FIFO, null,
                null);
    }
}
