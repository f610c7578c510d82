package io.schedsim.prop.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.FaultPlanJson;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.scenario.ScenarioCatalog;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugZoo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads and writes replay files. Reading is strict and names the bad field in a one-line
 * {@link InputException}; writing is atomic (a temporary file in the same directory, then a move),
 * so a replay file is either complete or absent.
 */
public final class ReplayFiles {
    private static final ObjectMapper MAPPER = FaultPlanJson.mapper();

    private ReplayFiles() {}

    public static String toJson(ReplayFile file) {
        try {
            return MAPPER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes atomically; returns the path written. */
    public static Path write(ReplayFile file, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".replay-", ".tmp");
        try {
            Files.writeString(temp, toJson(file), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    public static ReplayFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("replay file " + path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("replay file " + path + ": permission denied");
        } catch (IOException e) {
            throw new InputException("replay file " + path + ": cannot read: " + e.getMessage());
        }
        return parse(text, path.toString());
    }

    public static ReplayFile parse(String text, String where) {
        if (text.isBlank()) {
            throw new InputException("replay file " + where + ": empty");
        }
        JsonNode root = tree(text, where);
        if (root == null || !root.isObject()) {
            throw new InputException("replay file " + where + ": expected a JSON object");
        }
        String format = text(root, "format", where);
        if (!ReplayFile.FORMAT.equals(format)) {
            throw new InputException("replay file " + where + ": field 'format': unsupported '"
                    + format + "' (expected " + ReplayFile.FORMAT + ")");
        }
        String scenarioName = text(root, "scenario", where);
        ScenarioDefinition scenario = named(where, "scenario",
                () -> ScenarioCatalog.find(scenarioName));
        JsonNode variantNode = require(root, "variant", where);
        String variant = variantNode.isNull() ? null : variantNode.asText();
        named(where, "variant", () -> BugZoo.find(variant));
        JsonNode seedNode = require(root, "seed", where);
        if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
            throw field(where, "seed", "expected an integer");
        }
        Map<String, Object> config = config(scenario, require(root, "config", where), where);
        OrderingSpec ordering = convert(require(root, "ordering", where), OrderingSpec.class,
                where, "ordering");
        named(where, "ordering", () -> ordering.create(0));
        FaultPlan plan = convert(require(root, "faultPlan", where), FaultPlan.class, where,
                "faultPlan");
        ReplayFile.Expected expected = root.hasNonNull("expected")
                ? expected(root.get("expected"), where) : null;
        ReplayFile.ShrinkStats shrink = root.hasNonNull("shrink")
                ? convert(root.get("shrink"), ReplayFile.ShrinkStats.class, where, "shrink") : null;
        return new ReplayFile(format, scenarioName, variant, seedNode.asLong(), config, ordering,
                plan, expected, shrink);
    }

    /** The config, each knob found under its name or a former one (files keep old names). */
    private static Map<String, Object> config(ScenarioDefinition scenario, JsonNode node,
            String where) {
        if (!node.isObject()) {
            throw field(where, "config", "expected an object");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        for (Knob knob : scenario.knobs()) {
            String key = keyOf(knob, node, where);
            if (key == null) {
                throw field(where, "config." + knob.name(), "missing");
            }
            JsonNode value = node.get(key);
            try {
                config.put(knob.name(), knob.coerce(value.isTextual() ? value.asText() : value));
            } catch (InputException e) {
                throw field(where, "config." + key, withoutOption(e.getMessage()));
            }
        }
        node.fieldNames().forEachRemaining(name -> {
            if (scenario.knob(name) == null) {
                throw field(where, "config." + name, "unknown key for scenario "
                        + scenario.name());
            }
        });
        return config;
    }

    /** The one key of {@code node} that names {@code knob}, or null; two are an error. */
    private static String keyOf(Knob knob, JsonNode node, String where) {
        String found = null;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knob.answersTo(name) || node.get(name).isNull()) {
                continue;
            }
            if (found != null) {
                throw field(where, "config." + name, "the same knob as config." + found
                        + " (" + String.join(", ", knob.formerNames()) + " is a former name of "
                        + knob.name() + ")");
            }
            found = name;
        }
        return found;
    }

    /** Runs a catalog lookup; its input error names the file and the field. */
    private static <T> T named(String where, String name, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InputException e) {
            throw field(where, name, withoutOption(e.getMessage()));
        }
    }

    /** Drops the command-line option a catalog message starts with ("--set workers: "). */
    private static String withoutOption(String message) {
        return message.replaceFirst("^(--set \\S+|--variant|ordering\\.kind): ", "");
    }

    /** The recorded outcome; its invariant and message are null for a run without violation. */
    private static ReplayFile.Expected expected(JsonNode node, String where) {
        if (!node.isObject()) {
            throw field(where, "expected", "expected an object");
        }
        JsonNode hash = node.get("traceHash");
        if (hash == null || !hash.isTextual() || !isTraceHash(hash.asText())) {
            throw field(where, "expected.traceHash", "expected a string of 16 hex digits, got "
                    + (hash == null ? "nothing" : hash.toString()));
        }
        JsonNode invariant = node.get("invariant");
        JsonNode message = node.get("message");
        Checkpoints checkpoints = node.hasNonNull("checkpoints") ? convert(node.get("checkpoints"),
                Checkpoints.class, where, "expected.checkpoints") : null;
        return new ReplayFile.Expected(hash.asText().toLowerCase(Locale.ROOT),
                invariant == null || invariant.isNull() ? null : invariant.asText(),
                message == null || message.isNull() ? null : message.asText(), checkpoints);
    }

    /** True for a trace hash: 16 hex digits (the CLI prints them lower-case). */
    static boolean isTraceHash(String text) {
        return text != null && text.matches("[0-9a-fA-F]{16}");
    }

    /** The document as a tree; malformed or too deeply nested JSON names where it went wrong. */
    private static JsonNode tree(String text, String where) {
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(text);
            return MAPPER.readTree(parser);
        } catch (StreamConstraintsException e) {
            String path = parser.getParsingContext().pathAsPointer().toString();
            String top = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "(top level)";
            throw field(where, top, "nested deeper than " + FaultPlanJson.NESTING_DEPTH_MAX
                    + " levels");
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new InputException("replay file " + where + ": malformed JSON"
                    + (location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr()) + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (IOException e) {
            throw new InputException("replay file " + where + ": cannot parse: " + e.getMessage());
        }
    }

    /**
     * Binds {@code node} to {@code type}; an error names the field inside it (e.g.
     * {@code faultPlan.actions[0].atMillis}) and the problem, without Jackson's class names.
     */
    private static <T> T convert(JsonNode node, Class<T> type, String where, String name) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String path = FaultPlanJson.path(e);
            String inner = path.equals("top level") ? name : name + "." + path;
            throw JsonProblems.field(where, inner, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw field(where, name, message.split("\n")[0]);
        }
    }

    private static JsonNode require(JsonNode root, String name, String where) {
        JsonNode node = root.get(name);
        if (node == null) {
            throw field(where, name, "missing");
        }
        return node;
    }

    private static String text(JsonNode root, String name, String where) {
        JsonNode node = require(root, name, where);
        if (!node.isTextual()) {
            throw field(where, name, "expected a string");
        }
        return node.asText();
    }

    static InputException field(String where, String name, String problem) {
        return new InputException("replay file " + where + ": field '" + name + "': " + problem);
    }
}
