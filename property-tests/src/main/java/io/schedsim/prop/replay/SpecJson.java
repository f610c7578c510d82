package io.schedsim.prop.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.FaultPlanSpec;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RunSpec} as JSON: {@code {"scenario": {"name", "provider"}, "config": {...}, "seed",
 * "variant": {"name", "provider"} | null, "faultPlan": {"source": "seed"} | {"source":
 * "explicit", "actions": [...]}, "ordering": {...}, "checks": [{"name", "provider"}]}}. The
 * provider is the plugin class that registered the item (null for one given directly); reading
 * resolves each by name and provider through a {@link Registry}, so a spec travels to another
 * JVM, or into a file, without serialising a component or a lambda.
 */
public final class SpecJson {
    static final String SOURCE_SEED = "seed";
    static final String SOURCE_EXPLICIT = "explicit";

    private SpecJson() {}

    /** {@code spec} as a JSON tree, with providers as {@code registry} knows them. */
    public static ObjectNode tree(RunSpec spec, Registry registry) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.set("scenario", ref(spec.scenario().name(), registry.providerOf(spec.scenario())));
        node.set("config", JsonFields.MAPPER.valueToTree(spec.config().asMap()));
        node.put("seed", spec.seed());
        node.set("variant", spec.variant().isCorrect() ? node.nullNode()
                : ref(spec.variant().name(), spec.variant().provider()));
        ObjectNode plan = node.putObject("faultPlan");
        FaultPlan explicit = spec.explicitPlan();
        plan.put("source", explicit == null ? SOURCE_SEED : SOURCE_EXPLICIT);
        if (explicit != null) {
            plan.set("actions", JsonFields.MAPPER.valueToTree(explicit).get("actions"));
        }
        node.set("ordering", JsonFields.MAPPER.valueToTree(spec.ordering()));
        ArrayNode checks = node.putArray("checks");
        for (UserCheck check : spec.checks()) {
            checks.add(ref(check.name(), registry.providerOf(check)));
        }
        return node;
    }

    /** {@code spec} as JSON text (for work items sent to other JVMs). */
    public static String write(RunSpec spec, Registry registry) {
        return tree(spec, registry).toString();
    }

    /** Reads what {@link #write} wrote; bad input is an {@link
     * io.schedsim.prop.scenario.InputException}. */
    public static RunSpec read(String json, Registry registry) {
        JsonNode node = ReplayFiles.tree(json, "spec");
        return read(node, registry, new JsonFields("spec"), "");
    }

    /** Reads the spec at {@code node}; {@code path} prefixes field names in errors. */
    static RunSpec read(JsonNode node, Registry registry, JsonFields fields, String path) {
        if (!node.isObject()) {
            throw fields.field(path.isEmpty() ? "spec" : path, "expected an object");
        }
        String at = path.isEmpty() ? "" : path + ".";
        JsonNode scenarioRef = fields.require(node, "scenario", at + "scenario");
        Scenario scenario = fields.named(at + "scenario", () -> registry.scenario(
                name(scenarioRef, fields, at + "scenario"),
                provider(scenarioRef, fields, at + "scenario")));
        JsonNode variantRef = fields.require(node, "variant", at + "variant");
        Variant variant = variantRef.isNull() ? Variant.CORRECT : fields.named(at + "variant",
                () -> registry.variant(name(variantRef, fields, at + "variant"),
                        provider(variantRef, fields, at + "variant")));
        JsonNode seed = fields.require(node, "seed", at + "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw fields.field(at + "seed", "expected an integer");
        }
        ScenarioConfig config = fields.config(scenario,
                fields.require(node, "config", at + "config"), at + "config", false);
        OrderingSpec ordering = ReplayFiles.ordering(fields.require(node, "ordering",
                at + "ordering"), fields, at + "ordering");
        FaultPlanSpec plan = faultPlan(fields.require(node, "faultPlan", at + "faultPlan"),
                fields, at + "faultPlan");
        List<UserCheck> checks = new ArrayList<>();
        JsonNode checkRefs = fields.require(node, "checks", at + "checks");
        if (!checkRefs.isArray()) {
            throw fields.field(at + "checks", "expected an array");
        }
        for (int i = 0; i < checkRefs.size(); i++) {
            JsonNode ref = checkRefs.get(i);
            String refPath = at + "checks[" + i + "]";
            checks.add(fields.named(refPath, () -> registry.check(name(ref, fields, refPath),
                    provider(ref, fields, refPath))));
        }
        return new RunSpec(scenario, config, seed.asLong(), variant, plan, ordering, checks);
    }

    private static FaultPlanSpec faultPlan(JsonNode node, JsonFields fields, String path) {
        if (!node.isObject()) {
            throw fields.field(path, "expected an object");
        }
        String source = fields.text(node, "source", path + ".source");
        if (source.equals(SOURCE_SEED)) {
            if (node.size() != 1) {
                throw fields.field(path, "a plan from the seed has no other field");
            }
            return FaultPlanSpec.FROM_SEED;
        }
        if (!source.equals(SOURCE_EXPLICIT)) {
            throw fields.field(path + ".source", "expected seed or explicit, got '" + source
                    + "'");
        }
        ObjectNode actions = node.deepCopy();
        actions.remove("source");
        return FaultPlanSpec.explicit(fields.convert(actions, FaultPlan.class, path));
    }

    private static ObjectNode ref(String name, String provider) {
        ObjectNode ref = JsonFields.MAPPER.createObjectNode();
        ref.put("name", name);
        ref.put("provider", provider);
        return ref;
    }

    private static String name(JsonNode ref, JsonFields fields, String path) {
        if (!ref.isObject()) {
            throw fields.field(path, "expected {\"name\", \"provider\"}");
        }
        return fields.text(ref, "name", path + ".name");
    }

    private static String provider(JsonNode ref, JsonFields fields, String path) {
        JsonNode provider = fields.require(ref, "provider", path + ".provider");
        if (!provider.isNull() && !provider.isTextual()) {
            throw fields.field(path + ".provider", "expected a class name or null");
        }
        return provider.isNull() ? null : provider.asText();
    }
}
