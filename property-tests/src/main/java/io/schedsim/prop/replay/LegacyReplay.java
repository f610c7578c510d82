package io.schedsim.prop.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.FaultPlanSpec;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.Variant;
import java.util.List;

/**
 * Files of format {@value ReplayFile#FORMAT_1}: scenario, variant (by name), seed, config,
 * ordering and the explicit plan at the top level, {@code expected} without an event count.
 * They load into a {@link RunSpec} as strictly as ever, with one allowance: a knob added to the
 * scenario since the file was written takes its default. Where the model has changed since, the
 * run no longer reproduces the recorded hash and replay says so (exit 4); that is never a load
 * error. Kept as fixtures beside the current format, as HdrHistogram keeps its old log formats.
 */
final class LegacyReplay {
    private LegacyReplay() {}

    static ReplayFile read(JsonNode root, Registry registry, JsonFields fields) {
        String scenarioName = fields.text(root, "scenario", "scenario");
        Scenario scenario = fields.named("scenario", () -> registry.scenario(scenarioName));
        JsonNode variantNode = fields.require(root, "variant", "variant");
        String variantName = variantNode.isNull() ? null : variantNode.asText();
        Variant variant = fields.named("variant", () -> registry.variant(variantName));
        JsonNode seed = fields.require(root, "seed", "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw fields.field("seed", "expected an integer");
        }
        ScenarioConfig config = fields.config(scenario, fields.require(root, "config", "config"),
                "config", true);
        OrderingSpec ordering = ReplayFiles.ordering(fields.require(root, "ordering",
                "ordering"), fields, "ordering");
        FaultPlan plan = fields.convert(fields.require(root, "faultPlan", "faultPlan"),
                FaultPlan.class, "faultPlan");
        RunSpec spec = new RunSpec(scenario, config, seed.asLong(), variant,
                FaultPlanSpec.explicit(plan), ordering, List.of());
        return new ReplayFile(ReplayFile.FORMAT_1, spec, ReplayFiles.expected(root, fields),
                ReplayFiles.shrink(root, fields));
    }
}
