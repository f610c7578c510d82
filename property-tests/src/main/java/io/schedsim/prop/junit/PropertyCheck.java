package io.schedsim.prop.junit;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunOutcome;
import io.schedsim.prop.scenario.Scenario;
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
 * write a replay file, and fail with a {@link PropertyFailure} naming the commands that replay it
 * in the project the test runs in. The test's own budget ({@link #tries}, {@link #seconds}) holds
 * unless the user sets {@code -Dschedsim.tries} or {@code -Dschedsim.seconds} ({@link Budget});
 * {@code -Dschedsim.replay=FILE} replays one file instead of searching, in the property that
 * wrote it, and skips every other. A corpus directory of replay files is replayed first. A
 * property whose faults never fired fails rather than passing vacuously.
 *
 * <pre>{@code
 * PropertyCheck.of("chaos-swarm").variant(myDrainer).check(myCheck).tries(500).check();
 * }</pre>
 */
public final class PropertyCheck {
    static final String REPLAY = "schedsim.replay";
    /** The budget of a test that states none. */
    static final long DEFAULT_TRIES = 200;
    static final double DEFAULT_SECONDS = 30;

    private final Registry registry = Registry.load();
    private Function<String, String> properties = System::getProperty;
    private RunSpec template;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private long ownTries = DEFAULT_TRIES;
    private double ownSeconds = DEFAULT_SECONDS;
    private String orderings = "mixed";
    private String search = SearchSettings.RANDOM;
    private int faultKindsRequired;
    private Path corpus;
    private final Path outDir = Path.of("target", "schedsim-failures");

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

    /** This test's number of seeds (default {@value #DEFAULT_TRIES}); -Dschedsim.tries wins. */
    public PropertyCheck tries(long seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("tries: at least 1 seed, got " + seeds);
        }
        this.ownTries = seeds;
        return this;
    }

    /** This test's wall-clock cap (0: none; default 30); -Dschedsim.seconds wins. */
    public PropertyCheck seconds(double budget) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException("seconds: 0 (no cap) or more, got " + budget);
        }
        this.ownSeconds = budget;
        return this;
    }

    /** The budget {@link #check()} searches with: this test's, or the system properties'. */
    public Budget budget() {
        return Budget.resolve(properties, ownTries, ownSeconds);
    }

    /** Reads the schedsim.* properties from {@code given} instead of the system's (tests). */
    PropertyCheck properties(Map<String, String> given) {
        this.properties = given::get;
        return this;
    }

    public PropertyCheck orderings(String mode) {
        this.orderings = mode;
        return this;
    }

    /**
     * Guided search instead of seed by seed ({@code sweep --search guided}): rounds that edit
     * the plans that reached something new; the budget counts its runs as seeds.
     */
    public PropertyCheck guided() {
        this.search = SearchSettings.GUIDED;
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

    /**
     * Runs the check; returns the report when the property holds, throws a {@link
     * PropertyFailure} otherwise. Call it from the test method itself: the commands a failure
     * names select that method.
     */
    public SearchReport check() {
        TestSite site = TestSite.find();
        RunSpec spec = template.withSettings(overrides);
        Registry local = registry.withLocal(List.of(spec.scenario()), List.of(spec.variant()),
                spec.checks());
        List<String> blockers = FailureText.unregistered(spec, registry);
        String replay = properties.apply(REPLAY);
        if (replay != null && !replay.isBlank()) {
            return PropertyReplay.run(Path.of(replay.trim()), spec, local, site, blockers);
        }
        if (corpus != null) {
            for (Path file : corpusFiles()) {
                replayOrFail(file, local, site, blockers);
            }
        }
        Budget budget = budget();
        SearchSettings settings = SearchSettings.of(spec)
                .seeds(budget.firstSeed(), budget.lastSeed()).seconds(budget.seconds())
                .threads(budget.threads()).outDir(outDir).orderings(orderings).search(search);
        SearchReport report = new PropertySearch(settings, local).run(null);
        if (!report.failures().isEmpty()) {
            throw new PropertyFailure(FailureText.of(report, budget, site, blockers), report);
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

    /** Replays a corpus file with this property's checks too (a corpus file records none). */
    private void replayOrFail(Path file, Registry local, TestSite site, List<String> blockers) {
        ReplayFile replay = ReplayFiles.read(file, local);
        RunSpec spec = replay.spec();
        for (UserCheck check : template.checks()) {
            if (spec.checks().stream().noneMatch(c -> c.name().equals(check.name()))) {
                spec = spec.withCheck(check);
            }
        }
        RunOutcome outcome = spec.run(RunOptions.NONE.fromFile());
        if (!outcome.result().violations().isEmpty()) {
            StringBuilder text = new StringBuilder("corpus file ").append(file).append(": ")
                    .append(PropertyReplay.describe(outcome.result().violations().get(0)))
                    .append("\n  fault plan:\n").append(outcome.plan().describe()).append('\n');
            FailureText.commands(text, file.toAbsolutePath(), site, blockers);
            throw new AssertionError(text.toString());
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
}
