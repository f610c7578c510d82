package io.schedsim.prop.junit;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.Scenario;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.RunView;
import io.schedsim.prop.spec.UserCheck;
import io.schedsim.prop.spec.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A property as an ordinary JUnit test: search a scenario (built in, registered, or a user's own)
 * for runs that violate an invariant or this property's {@link UserCheck}s, shrink each failure,
 * write a replay file, and fail with the command that replays it. Budgets come from system
 * properties so that {@code mvn verify} stays short and a Maven profile can raise them: {@code
 * schedsim.tries}, {@code schedsim.seconds}, {@code schedsim.seed} (first seed), {@code
 * schedsim.threads}, and {@code schedsim.replay=FILE} which replays one file instead of
 * searching. A corpus directory of replay files is replayed first. A property whose faults never
 * fired fails rather than passing vacuously.
 *
 * <pre>{@code
 * PropertyCheck.of("chaos-swarm").variant(myDrainer).check(myCheck).tries(500).check();
 * }</pre>
 */
public final class PropertyCheck {
    private final Registry registry = Registry.load();
    private RunSpec template;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private long tries = Long.getLong("schedsim.tries", 200);
    private double seconds = Double.parseDouble(System.getProperty("schedsim.seconds", "30"));
    private long firstSeed = Long.getLong("schedsim.seed", 1);
    private int threads = Integer.getInteger("schedsim.threads", 1);
    private String orderings = "mixed";
    private int faultKindsRequired;
    private Path corpus;
    private Path outDir = Path.of("target", "schedsim-failures");

    private PropertyCheck(Scenario scenario) {
        this.template = RunSpec.of(scenario);
    }

    /** The registered scenario called {@code scenario}. */
    public static PropertyCheck of(String scenario) {
        return new PropertyCheck(Registry.load().scenario(scenario));
    }

    /** A scenario given directly: a user's own, or one a {@code CustomScenario} builder made. */
    public static PropertyCheck of(Scenario scenario) {
        return new PropertyCheck(scenario);
    }

    /** The registered variant called {@code name}; null: the correct model. */
    public PropertyCheck variant(String name) {
        return variant(registry.variant(name));
    }

    public PropertyCheck variant(Variant variant) {
        template = template.withVariant(variant);
        return this;
    }

    public PropertyCheck set(String knob, String value) {
        overrides.put(knob, value);
        return this;
    }

    /** Default number of seeds when {@code schedsim.tries} is not set. */
    public PropertyCheck tries(long defaultTries) {
        this.tries = Long.getLong("schedsim.tries", defaultTries);
        return this;
    }

    /** Default time budget when {@code schedsim.seconds} is not set. */
    public PropertyCheck seconds(double defaultSeconds) {
        this.seconds = Double.parseDouble(System.getProperty("schedsim.seconds",
                String.valueOf(defaultSeconds)));
        return this;
    }

    public PropertyCheck orderings(String mode) {
        this.orderings = mode;
        return this;
    }

    /** Adds a user check, judged after each run like an invariant. */
    public PropertyCheck check(UserCheck check) {
        template = template.withCheck(check);
        return this;
    }

    /** Adds a check made from a function (runs in this JVM): sugar for {@link UserCheck#of}. */
    public PropertyCheck oracle(String name, Function<RunView, String> check) {
        return check(UserCheck.of(name, check));
    }

    /** Fails unless at least {@code kinds} distinct fault kinds fired over the search. */
    public PropertyCheck requireFaultKinds(int kinds) {
        this.faultKindsRequired = kinds;
        return this;
    }

    /** Replays every replay file in {@code directory} before searching. */
    public PropertyCheck corpus(Path directory) {
        this.corpus = directory;
        return this;
    }

    /** Runs the check; returns the report when the property holds, throws otherwise. */
    public SearchReport check() {
        RunSpec spec = template.withSettings(overrides);
        Registry local = registry.withLocal(List.of(spec.scenario()), List.of(spec.variant()),
                spec.checks());
        String replay = System.getProperty("schedsim.replay");
        if (replay != null && !replay.isBlank()) {
            replayOrFail(Path.of(replay), local);
            return null;
        }
        if (corpus != null) {
            for (Path file : corpusFiles()) {
                replayOrFail(file, local);
            }
        }
        SearchSettings settings = SearchSettings.of(spec)
                .seeds(firstSeed, firstSeed + tries - 1).seconds(seconds)
                .threads(threads).outDir(outDir).orderings(orderings);
        SearchReport report = new PropertySearch(settings, local).run(null);
        if (!report.failures().isEmpty()) {
            throw new AssertionError(describe(report));
        }
        long kindsFired = report.statistics().faultsFired().values().stream()
                .filter(n -> n > 0).count();
        if (kindsFired < faultKindsRequired) {
            throw new AssertionError(spec.scenario().name() + ": only " + kindsFired
                    + " fault kinds fired in " + report.seedsRun() + " runs "
                    + report.statistics().faultsFired() + ", at least " + faultKindsRequired
                    + " required (a property whose faults never fire proves nothing)");
        }
        return report;
    }

    /** Replays a file with this property's checks too (a corpus file records none). */
    private void replayOrFail(Path file, Registry local) {
        ReplayFile replay = ReplayFiles.read(file, local);
        RunSpec spec = replay.spec();
        for (UserCheck check : template.checks()) {
            if (spec.checks().stream().noneMatch(c -> c.name().equals(check.name()))) {
                spec = spec.withCheck(check);
            }
        }
        RunOutcome outcome = spec.run(RunOptions.NONE.fromFile());
        if (!outcome.result().violations().isEmpty()) {
            throw new AssertionError("replay " + file + " violates "
                    + outcome.result().violations().get(0) + "\n  fault plan:\n"
                    + outcome.plan().describe());
        }
    }

    private List<Path> corpusFiles() {
        if (!Files.isDirectory(corpus)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> sorted = new ArrayList<>(files.filter(f -> f.toString().endsWith(".json"))
                    .toList());
            sorted.sort(null);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String describe(SearchReport report) {
        StringBuilder text = new StringBuilder();
        text.append(report.scenario())
                .append(report.variant() == null ? "" : " variant " + report.variant())
                .append(": ").append(report.failures().size()).append(" distinct failure(s) in ")
                .append(report.seedsRun()).append(" runs\n");
        for (Failure failure : report.failures()) {
            text.append("  ").append(failure.invariant()).append(" (seed ").append(failure.seed())
                    .append(", x").append(failure.count()).append("): ")
                    .append(failure.message()).append("\n    fault plan shrunk ")
                    .append(failure.faultsBeforeShrink()).append(" -> ")
                    .append(failure.faultsAfterShrink()).append(" actions\n    replay: ")
                    .append("./schedsim replay ").append(failure.replayFile())
                    .append("\n    or: mvn -pl property-tests test -Dschedsim.replay=")
                    .append(Path.of(failure.replayFile()).toAbsolutePath()).append('\n');
        }
        return text.toString();
    }
}
