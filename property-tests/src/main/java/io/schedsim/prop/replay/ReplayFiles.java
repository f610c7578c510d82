package io.schedsim.prop.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.fault.plan.FaultPlanJson;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.OrderingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes replay files. Reading is strict and names the bad field in a one-line
 * {@link InputException}; both formats load ({@link ReplayFile#FORMAT_1} through {@link
 * LegacyReplay}); writing is always the current format and atomic ({@link ReplayWrite}).
 */
public final class ReplayFiles {
    private ReplayFiles() {}

    /** The file as JSON text, providers as {@code registry} knows them. */
    public static String toJson(ReplayFile file, Registry registry) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", ReplayFile.FORMAT);
        root.set("spec", SpecJson.tree(file.spec(), registry));
        root.set("expected", JsonFields.MAPPER.valueToTree(file.expected()));
        root.set("shrink", JsonFields.MAPPER.valueToTree(file.shrink()));
        try {
            return JsonFields.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes atomically, mode 0644; returns the path written. */
    public static Path write(ReplayFile file, Registry registry, Path target) throws IOException {
        return ReplayWrite.atomically(toJson(file, registry), target);
    }

    public static ReplayFile read(Path path, Registry registry) {
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
        return parse(text, path.toString(), registry);
    }

    /** Parses either format; {@code where} names the document in errors. */
    public static ReplayFile parse(String text, String where, Registry registry) {
        if (text.isBlank()) {
            throw new InputException("replay file " + where + ": empty");
        }
        JsonNode root = tree(text, where);
        if (root == null || !root.isObject()) {
            throw new InputException("replay file " + where + ": expected a JSON object");
        }
        JsonFields fields = new JsonFields(where);
        String format = fields.text(root, "format", "format");
        if (format.equals(ReplayFile.FORMAT_1)) {
            return LegacyReplay.read(root, registry, fields);
        }
        if (!format.equals(ReplayFile.FORMAT)) {
            throw field(where, "format", "unsupported '" + format + "' (expected "
                    + ReplayFile.FORMAT + " or " + ReplayFile.FORMAT_1 + ")");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("format") && !name.equals("spec") && !name.equals("expected")
                    && !name.equals("shrink")) {
                throw field(where, name, "unknown field");
            }
        }
        return new ReplayFile(format,
                SpecJson.read(fields.require(root, "spec", "spec"), registry, fields, "spec"),
                expected(root, fields), shrink(root, fields));
    }

    /** The recorded outcome; its invariant and message are null for a run without violation. */
    static ReplayFile.Expected expected(JsonNode root, JsonFields fields) {
        if (!root.hasNonNull("expected")) {
            return null;
        }
        JsonNode node = root.get("expected");
        if (!node.isObject()) {
            throw fields.field("expected", "expected an object");
        }
        JsonNode hash = node.get("traceHash");
        if (hash == null || !hash.isTextual() || !isTraceHash(hash.asText())) {
            throw fields.field("expected.traceHash", "expected a string of 16 hex digits, got "
                    + (hash == null ? "nothing" : hash.toString()));
        }
        JsonNode events = node.get("events");
        if (events != null && !events.isNull()
                && (!events.isIntegralNumber() || !events.canConvertToLong())) {
            throw fields.field("expected.events", "expected an integer");
        }
        JsonNode invariant = node.get("invariant");
        JsonNode message = node.get("message");
        Checkpoints checkpoints = node.hasNonNull("checkpoints") ? fields.convert(
                node.get("checkpoints"), Checkpoints.class, "expected.checkpoints") : null;
        return new ReplayFile.Expected(hash.asText().toLowerCase(Locale.ROOT),
                events == null || events.isNull() ? null : events.asLong(),
                invariant == null || invariant.isNull() ? null : invariant.asText(),
                message == null || message.isNull() ? null : message.asText(), checkpoints);
    }

    static ReplayFile.ShrinkStats shrink(JsonNode root, JsonFields fields) {
        return root.hasNonNull("shrink")
                ? fields.convert(root.get("shrink"), ReplayFile.ShrinkStats.class, "shrink")
                : null;
    }

    /** The same-time ordering at {@code node}; an unknown kind names the field. */
    static OrderingSpec ordering(JsonNode node, JsonFields fields, String path) {
        if (!node.isObject()) {
            throw fields.field(path, "expected an object");
        }
        OrderingSpec ordering = fields.convert(node, OrderingSpec.class, path);
        fields.named(path, () -> ordering.create(0));
        return ordering;
    }

    /** True for a trace hash: 16 hex digits (the CLI prints them lower-case). */
    static boolean isTraceHash(String text) {
        return text != null && text.matches("[0-9a-fA-F]{16}");
    }

    /** The document as a tree; malformed or too deeply nested JSON names where it went wrong. */
    static JsonNode tree(String text, String where) {
        JsonParser parser = null;
        try {
            parser = JsonFields.MAPPER.createParser(text);
            return JsonFields.MAPPER.readTree(parser);
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

    static InputException field(String where, String name, String problem) {
        return new InputException("replay file " + where + ": field '" + name + "': " + problem);
    }
}
