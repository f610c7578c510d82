package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.args.SecondsConverter;
import io.schedsim.cli.args.SeedRange;
import io.schedsim.cli.args.ThreadsConverter;
import io.schedsim.cli.output.Json;
import io.schedsim.cli.output.OutputDirectory;
import io.schedsim.cli.sweep.EngineChoice;
import io.schedsim.cli.sweep.ProgressLine;
import io.schedsim.cli.sweep.StopOnSignal;
import io.schedsim.cli.sweep.SweepReport;
import io.schedsim.cli.sweep.Terminal;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.PropertySearch;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.search.SearchSettings;
import io.schedsim.prop.search.engine.EngineOptions;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.spec.RunSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim sweep <scenario>}: the property search over a seed range and/or a time budget,
 * in parallel; every failure is shrunk and written as a replay file; exit 1 if any was found.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {
            "Runs many seeds in parallel, shrinks every failure and writes replay files.",
            "Seeds 1..1000 by default; with only --seconds, as many seeds from 1 up as fit. "
                + "Ctrl-C stops early and still reports (and keeps) everything found.",
            "Exit 0: no failure. Exit 1: failures found (replay them with 'schedsim replay')."})
final class SweepCommand implements Callable<Integer> {
    static final String OUT_DEFAULT = "target/schedsim-failures/";
    /** The search hands out seeds in blocks; this keeps block ends clear of overflow. */
    static final long SEED_LAST_MAX = Long.MAX_VALUE - (1L << 20);

    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "A name from 'scenarios'.")
    private String scenarioName;

    @Option(names = "--seeds", paramLabel = "A..B", converter = SeedRange.Converter.class,
            description = "Inclusive seed range (default: 1..1000, or 1.. with --seconds).")
    private SeedRange seeds;

    @Option(names = "--seconds", paramLabel = "S", converter = SecondsConverter.class,
            description = "Stops after S seconds of wall time.")
    private Double seconds;

    @Option(names = "--threads", paramLabel = "N", converter = ThreadsConverter.class,
            description = "Simulations in parallel (default: available processors).")
    private Integer threads;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "A variant from 'variants' (default: the correct model).")
    private String variantName;

    @Mixin
    private CheckOption checks;

    @Mixin
    private ClassPathOption classPath;

    @Mixin
    private ConfigOverrides overrides;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where replay files go (default: " + OUT_DEFAULT + ").")
    private String outDirectory = OUT_DEFAULT;

    @Option(names = "--no-shrink", description = "Keeps failures as found.")
    private boolean noShrink;

    @Option(names = "--progress", description = "Prints the progress line on stderr even when"
            + " it is not a terminal: a line at most every second (on a terminal it is always"
            + " shown, rewritten in place).")
    private boolean progressLines;

    @Option(names = "--orderings", paramLabel = "MODE",
            description = "Same-time event orders: 'mixed' (fifo, random or PCT, drawn per "
                    + "seed; default) or 'fifo' (as 'run' does).")
    private String orderings = "mixed";

    @Option(names = "--search", paramLabel = "MODE",
            description = "How runs are chosen: 'random' (run n is seed n; default) or 'guided' "
                    + "(rounds of fresh seeds and edits of the plans that reached something "
                    + "new; the same runs on any engine or thread count).")
    private String search = SearchSettings.RANDOM;

    @Option(names = "--max-failures", paramLabel = "N",
            description = "Reports the seeds up to the N-th failing one, in seed order, and "
                    + "stops there (default: no cut).")
    private int maxFailures;

    @Option(names = "--json", description = "Prints the sweep's result as one JSON object.")
    private boolean json;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Where the seeds run: 'threads' (this JVM; default) or 'spark' "
                    + "(Apache Spark, see --master; ./schedsim adds it when asked for).")
    private String engineName = "threads";

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master for --engine spark: local[*] (default), local[N] "
                    + "or spark://HOST:PORT.")
    private String master;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Registry registry = classPath.registry(context);
        RunSpec template = checks.apply(ResolvedRun.resolve(registry, scenarioName, 1,
                overrides.asMap(), variantName), registry);
        SeedRange range = seedRange();
        checkOptions(range);
        OutputDirectory.check("--out", outDirectory);
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepEngine engine = EngineChoice.find(engineName);
        EngineOptions engineOptions = EngineChoice.options(engine, threads, master, threadCount)
                .withJars(classPath.entries().stream().map(Path::toString).toList());
        SearchSettings settings = SearchSettings.of(template).seeds(range.first(), range.last())
                .seconds(seconds == null ? 0 : seconds).threads(threadCount).shrink(!noShrink)
                .outDir(Path.of(outDirectory)).orderings(orderings).maxFailures(maxFailures)
                .search(search);
        PropertySearch search = new PropertySearch(settings, registry, engine, engineOptions);
        ProgressLine progress = null;
        boolean terminal = Terminal.stderrIsTerminal();
        if (terminal || progressLines) {
            progress = new ProgressLine(context.err(), template.scenario().name(),
                    seeds == null && seconds != null ? Long.MAX_VALUE : range.size(),
                    seconds == null ? 0 : seconds, terminal);
        }
        SearchReport report;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // An engine in this JVM (Spark's local executors) loads the users' classes from here.
        thread.setContextClassLoader(registry.classLoader());
        try (StopOnSignal signal = StopOnSignal.install(search::stop)) {
            report = search.run(progress);
            if (progress != null) {
                progress.clear();
            }
            if (report.seedsRun() == 0 && !signal.signalled()) {
                // Only a time budget ends a sweep before its first seed; nothing was tested.
                context.error("sweep: no seed finished within --seconds " + seconds
                        + "; nothing was tested (give it more time or --seeds A..B)");
                return ExitCode.INPUT;
            }
            print(context, report, range, search.parallelism());
            if (signal.signalled()) {
                context.error("sweep: stopped by a signal after " + report.seedsRun() + " seeds");
            }
        } finally {
            thread.setContextClassLoader(before);
        }
        return report.failures().isEmpty() ? ExitCode.OK : ExitCode.VIOLATION;
    }

    private SeedRange seedRange() {
        if (seeds != null) {
            return seeds;
        }
        return seconds != null ? new SeedRange(1, SEED_LAST_MAX) : new SeedRange(1, 1000);
    }

    private void checkOptions(SeedRange range) {
        if (range.last() > SEED_LAST_MAX) {
            throw new InputException("--seeds: the last seed must be at most " + SEED_LAST_MAX
                    + ", got " + range.last());
        }
        if (!orderings.equals("mixed") && !orderings.equals("fifo")) {
            throw new InputException("--orderings: expected mixed or fifo, got '" + orderings
                    + "'");
        }
        if (!search.equals(SearchSettings.RANDOM) && !search.equals(SearchSettings.GUIDED)) {
            throw new InputException("--search: expected random or guided, got '" + search
                    + "'");
        }
        if (maxFailures < 0) {
            throw new InputException("--max-failures: must be 0 or more, got " + maxFailures);
        }
    }

    private void print(CliContext context, SearchReport report, SeedRange range, int threadCount) {
        if (json) {
            context.out().println(Json.pretty(report));
        } else {
            String shown = seeds == null && seconds != null ? range.first() + ".."
                    : range.toString();
            context.out().print(SweepReport.render(report, shown, threadCount));
        }
        context.out().flush();
    }
}
