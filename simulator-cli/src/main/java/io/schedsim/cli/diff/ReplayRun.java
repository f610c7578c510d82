package io.schedsim.cli.diff;

import io.schedsim.core.trace.TraceSink;
import io.schedsim.model.Cluster;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.replay.Replayer;
import io.schedsim.prop.scenario.Footprint;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One side of a diff: the run a replay file describes, with its seed replaced and knobs overridden
 * if asked. This is the only class of {@code diff} that knows the replay format: a file of either
 * format is read as its {@link RunSpec}, and the overrides are applied to that spec.
 *
 * @param overrides the knobs set on top of the file's config, parsed, by knob name
 */
public record ReplayRun(String path, ReplayFile file, Map<String, Object> overrides) {
    public ReplayRun {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * Reads {@code pathText}; with {@code seed} (null: keep the file's) and {@code settings} (knob
     * text by key, validated as {@code run --set} validates them) applied. Throws an
     * {@link InputException} naming the file or the option for anything wrong, before any run.
     */
    public static ReplayRun load(String pathText, Long seed, Map<String, String> settings,
            Registry registry) {
        ReplayFile read = ReplayFiles.read(path(pathText), registry);
        RunSpec spec = read.spec();
        // withAll parses and checks each value against its knob; only the set ones are reported.
        ScenarioConfig config = spec.config().withAll(settings);
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String key : settings.keySet()) {
            String knob = config.knob(key).name();
            overrides.put(knob, config.asMap().get(knob));
        }
        Footprint.check(spec.scenario(), config);
        spec = spec.withConfig(config).withSeed(seed == null ? spec.seed() : seed);
        ReplayFile file = new ReplayFile(read.format(), spec, read.expected(), read.shrink());
        return new ReplayRun(pathText, file, overrides);
    }

    /** Runs it; a plan naming a node the (possibly smaller) cluster lacks is bad input. */
    public RunOutcome run(TraceSink traceSink, Consumer<Cluster> onStart) {
        try {
            return Replayer.replay(file, traceSink, onStart);
        } catch (InputException e) {
            throw new InputException("replay file " + path + ": " + e.getMessage());
        }
    }

    public String scenario() {
        return file.spec().scenario().name();
    }

    public long seed() {
        return file.spec().seed();
    }

    /** The variant's name, or null for the correct model. */
    public String variant() {
        return file.spec().variantName();
    }

    /** e.g. "chaos-swarm seed 25 variant per-node-max-parallel, with nodes=5". */
    public String describe() {
        StringBuilder text = new StringBuilder(scenario() + " seed " + seed() + " "
                + (variant() == null ? "correct model" : "variant " + variant()));
        String separator = ", with ";
        for (Map.Entry<String, Object> knob : overrides.entrySet()) {
            text.append(separator).append(knob.getKey()).append('=').append(knob.getValue());
            separator = " ";
        }
        return text.toString();
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InputException("replay file " + text + ": invalid path");
        }
    }
}
