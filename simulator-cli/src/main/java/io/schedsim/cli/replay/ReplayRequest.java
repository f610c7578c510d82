package io.schedsim.cli.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedsim.cli.Catalogs;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.RunRequest;
import io.schedsim.prop.scenario.ScenarioDefinition;
import io.schedsim.prop.zoo.BugVariant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a replay file's header against the catalogs: the scenario and variant exist, and the
 * config holds exactly the scenario's knobs, each with a valid value.
 */
public final class ReplayRequest {
    private ReplayRequest() {}

    public static RunRequest resolve(Catalogs catalogs, ReplayHeader file) {
        ScenarioDefinition scenario = withField(file, "scenario", () ->
                catalogs.scenario(file.scenario()));
        BugVariant variant = withField(file, "variant", () -> catalogs.variant(file.variant()));
        Map<String, Object> config = new LinkedHashMap<>();
        for (Knob knob : scenario.knobs()) {
            JsonNode value = file.config().get(knob.name());
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw problem(file, "config." + knob.name() + ": "
                        + (value == null ? "missing" : "expected a value, got " + value));
            }
            config.put(knob.name(), withField(file, null, () -> knob.parse(value.asText())));
        }
        for (Iterator<String> names = file.config().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!config.containsKey(name)) {
                throw problem(file, "config." + name + ": unknown key for scenario "
                        + scenario.name());
            }
        }
        return new RunRequest(scenario.name(), file.seed(), config,
                variant == null ? null : variant.name());
    }

    /** Runs a lookup, prefixing its input error with the file and the field. */
    private static <T> T withField(ReplayHeader file, String field,
            java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InputException e) {
            String message = e.getMessage();
            // Knob messages name the command-line option; in a file the field is config.KEY.
            if (message.startsWith("--set ")) {
                message = "config." + message.substring("--set ".length());
            } else if (message.startsWith("--variant: ")) {
                message = message.substring("--".length());
            } else if (field != null) {
                message = field + ": " + message;
            }
            throw problem(file, message);
        }
    }

    private static InputException problem(ReplayHeader file, String message) {
        return new InputException("replay " + file.path() + ": " + message);
    }
}
