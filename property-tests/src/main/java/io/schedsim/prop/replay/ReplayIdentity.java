package io.schedsim.prop.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.UserCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which property a replay file belongs to: its scenario, variant (null: the correct model) and
 * user checks, by name, read without resolving any of them. A property test given a file of
 * another property skips instead of failing to load it, so that {@code -Dschedsim.replay=FILE}
 * replays that one property alone.
 *
 * @param checks the check names, sorted (their order does not make another property)
 */
public record ReplayIdentity(String scenario, String variant, List<String> checks) {

    public ReplayIdentity {
        checks = checks.stream().sorted().toList();
    }

    /** The identity of the property {@code spec} is a run of. */
    public static ReplayIdentity of(RunSpec spec) {
        return new ReplayIdentity(spec.scenario().name(), spec.variantName(),
                spec.checks().stream().map(UserCheck::name).toList());
    }

    /** The identity recorded in {@code path} (either format); bad files name what is wrong. */
    public static ReplayIdentity read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("replay file " + path + ": no such file");
        } catch (IOException e) {
            throw new InputException("replay file " + path + ": cannot read: " + e.getMessage());
        }
        JsonNode root = ReplayFiles.tree(text, path.toString());
        if (root == null || !root.isObject()) {
            throw new InputException("replay file " + path + ": expected a JSON object");
        }
        JsonFields fields = new JsonFields(path.toString());
        if (fields.text(root, "format", "format").equals(ReplayFile.FORMAT_1)) {
            JsonNode variant = fields.require(root, "variant", "variant");
            return new ReplayIdentity(fields.text(root, "scenario", "scenario"),
                    variant.isNull() ? null : variant.asText(), List.of());
        }
        JsonNode spec = fields.require(root, "spec", "spec");
        JsonNode variant = fields.require(spec, "variant", "spec.variant");
        List<String> checks = new ArrayList<>();
        for (JsonNode check : fields.require(spec, "checks", "spec.checks")) {
            checks.add(fields.text(check, "name", "spec.checks[].name"));
        }
        return new ReplayIdentity(
                fields.text(fields.require(spec, "scenario", "spec.scenario"), "name",
                        "spec.scenario.name"),
                variant.isNull() ? null : fields.text(variant, "name", "spec.variant.name"),
                checks);
    }

    /** E.g. {@code chaos-swarm, variant my-drainer, checks [no-node-down]}. */
    @Override
    public String toString() {
        return scenario + ", " + (variant == null ? "the correct model" : "variant " + variant)
                + ", checks " + checks;
    }
}
