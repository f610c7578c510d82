package io.schedsim.cli.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.scenario.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The header of a replay file: what every version-1 file must hold before anything is run. The
 * fault plan and ordering choices are read by the replay engine from {@link #json()}.
 *
 * @param variant bug-zoo variant name, or null for the correct model
 */
public record ReplayHeader(String path, String scenario, String variant, long seed,
        ObjectNode config, ObjectNode json) {
    /** The only format version this schedsim reads. */
    public static final String FORMAT = "schedsim-replay/1";

    /** Reads and checks {@code pathText}; every problem is an {@link InputException}. */
    public static ReplayHeader read(String pathText) {
        ObjectNode json = parse(pathText, readText(pathText));
        ReplayFields fields = new ReplayFields(pathText, json);
        String format = fields.requireText("format");
        if (!FORMAT.equals(format)) {
            throw fields.problem("format: unsupported version '" + format + "' (this schedsim "
                    + "reads " + FORMAT + ")");
        }
        String scenario = fields.requireText("scenario");
        String variant = fields.requireTextOrNull("variant");
        long seed = fields.requireLong("seed");
        ObjectNode config = fields.requireObject("config");
        return new ReplayHeader(pathText, scenario, variant, seed, config, json);
    }

    private static String readText(String pathText) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw new InputException("replay: cannot read " + pathText + ": invalid path");
        }
        if (!Files.exists(path)) {
            throw new InputException("replay: cannot read " + pathText + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InputException("replay: cannot read " + pathText + ": is a directory");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new InputException("replay: cannot read " + pathText + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new InputException("replay " + pathText + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException("replay: cannot read " + pathText + ": " + e.getMessage());
        }
    }

    private static ObjectNode parse(String pathText, String text) {
        if (text.isBlank()) {
            throw new InputException("replay " + pathText + ": empty file (expected a JSON "
                    + "object with \"format\": \"" + FORMAT + "\")");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw new InputException("replay " + pathText + ": malformed JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new InputException("replay " + pathText + ": expected a JSON object, got "
                    + ReplayFields.describe(root));
        }
        return (ObjectNode) root;
    }
}
