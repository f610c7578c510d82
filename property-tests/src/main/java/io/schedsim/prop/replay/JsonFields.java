package io.schedsim.prop.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.fault.plan.FaultPlanJson;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.scenario.ScenarioConfig;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Strict reading of one JSON document ({@code where} names it in errors): each problem is a
 * one-line {@link InputException} naming the field by its path, e.g. {@code spec.config.nodes}.
 */
final class JsonFields {
    static final ObjectMapper MAPPER = FaultPlanJson.mapper();

    private final String where;

    JsonFields(String where) {
        this.where = where;
    }

    InputException field(String name, String problem) {
        return ReplayFiles.field(where, name, problem);
    }

    JsonNode require(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw field(path, "missing");
        }
        return node;
    }

    String text(JsonNode parent, String name, String path) {
        JsonNode node = require(parent, name, path);
        if (!node.isTextual()) {
            throw field(path, "expected a string");
        }
        return node.asText();
    }

    /**
     * Binds {@code node} to {@code type}; an error names the field inside it (e.g.
     * {@code faultPlan.actions[0].atMillis}) and the problem, without Jackson's class names.
     */
    <T> T convert(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String inner = FaultPlanJson.path(e);
            throw JsonProblems.field(where, inner.equals("top level") ? path
                    : path + "." + inner, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw field(path, message.split("\n")[0]);
        }
    }

    /** Runs a lookup; its input error names this document and the field. */
    <T> T named(String path, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InputException e) {
            throw field(path, withoutOption(e.getMessage()));
        }
    }

    /**
     * The config at {@code node}, each knob found under its name or a former one (files keep old
     * names). A knob missing from the file takes its value from before it existed if it has one
     * ({@link Knob#addedLater(Object)}); else it is an error, or, with {@code defaultMissing}
     * (files of the legacy format), its default.
     */
    ScenarioConfig config(Scenario scenario, JsonNode node, String path, boolean defaultMissing) {
        if (!node.isObject()) {
            throw field(path, "expected an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Knob knob : scenario.knobs()) {
            String key = keyOf(knob, node, path);
            if (key == null && knob.valueWhenAbsent() != null) {
                // Added after files of the scenario were written: what the file ran with.
                values.put(knob.name(), knob.valueWhenAbsent());
                continue;
            }
            if (key == null) {
                if (!defaultMissing) {
                    throw field(path + "." + knob.name(), "missing");
                }
                values.put(knob.name(), knob.defaultValue());
                continue;
            }
            JsonNode value = node.get(key);
            try {
                values.put(knob.name(), knob.coerce(value.isTextual() ? value.asText() : value));
            } catch (InputException e) {
                throw field(path + "." + key, withoutOption(e.getMessage()));
            }
        }
        node.fieldNames().forEachRemaining(name -> {
            if (scenario.knob(name) == null) {
                throw field(path + "." + name, "unknown key for scenario " + scenario.name());
            }
        });
        return ScenarioConfig.of(scenario, values);
    }

    /** The one key of {@code node} that names {@code knob}, or null; two are an error. */
    private String keyOf(Knob knob, JsonNode node, String path) {
        String found = null;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knob.answersTo(name) || node.get(name).isNull()) {
                continue;
            }
            if (found != null) {
                throw field(path + "." + name, "the same knob as " + path + "." + found + " ("
                        + String.join(", ", knob.formerNames()) + " is a former name of "
                        + knob.name() + ")");
            }
            found = name;
        }
        return found;
    }

    /** Drops the command-line option a lookup's message starts with ("--set workers: "). */
    static String withoutOption(String message) {
        return message.replaceFirst("^(--set \\S+|--variant|ordering\\.kind): ", "");
    }
}
