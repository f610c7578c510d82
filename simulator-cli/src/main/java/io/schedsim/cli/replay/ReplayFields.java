package io.schedsim.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.prop.scenario.InputException;

/** Typed access to the top-level fields of a replay file, naming the field on every problem. */
final class ReplayFields {
    private final String path;
    private final ObjectNode json;

    ReplayFields(String path, ObjectNode json) {
        this.path = path;
        this.json = json;
    }

    InputException problem(String message) {
        return new InputException("replay " + path + ": " + message);
    }

    private JsonNode require(String field) {
        if (!json.has(field)) {
            throw problem("missing field '" + field + "'");
        }
        return json.get(field);
    }

    String requireText(String field) {
        JsonNode node = require(field);
        if (!node.isTextual()) {
            throw problem(field + ": expected a string, got " + describe(node));
        }
        return node.textValue();
    }

    String requireTextOrNull(String field) {
        JsonNode node = require(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(field + ": expected a string or null, got " + describe(node));
        }
        return node.textValue();
    }

    long requireLong(String field) {
        JsonNode node = require(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw problem(field + ": expected a 64-bit integer, got " + describe(node));
        }
        return node.longValue();
    }

    ObjectNode requireObject(String field) {
        JsonNode node = require(field);
        if (!node.isObject()) {
            throw problem(field + ": expected an object, got " + describe(node));
        }
        return (ObjectNode) node;
    }

    /** A short description of a JSON value for messages: its type, and its text when short. */
    static String describe(JsonNode node) {
        String kind = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        if (node.isContainerNode()) {
            return "an " + (node.isArray() ? "array" : "object");
        }
        String text = node.toString();
        return kind + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
