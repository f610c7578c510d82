package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.search.SearchComparison;
import io.schedsim.prop.spec.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim compare-search}: per zoo variant, the median runs to the first failure over
 * disjoint run ranges, random against guided search ({@link SearchComparison}), and the goal:
 * guided at most a third of random's runs on the hardest third, at most 1.5x on the rest.
 */
@Command(name = "compare-search", mixinStandardHelpOptions = true,
        description = "Median runs to first failure per variant, random vs guided search.")
final class CompareSearchCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Option(names = "--variants", paramLabel = "A,B", split = ",",
            description = "Variants to compare (default: every variant).")
    private List<String> variantNames;

    @Option(names = "--starts", paramLabel = "N",
            description = "Disjoint run ranges per variant and search (default: 11).")
    private int starts = 11;

    @Option(names = "--runs-max", paramLabel = "N",
            description = "Runs per range before it counts as not found (default: 20000).")
    private long runsMax = 20_000;

    @Option(names = "--threads", paramLabel = "N",
            description = "Trials at once, one thread each (default: available processors).")
    private Integer threads;

    @Option(names = "--orderings", paramLabel = "MODE",
            description = "Same-time orders, as for sweep: mixed (default) or fifo.")
    private String orderings = "mixed";

    @Option(names = "--json", description = "Prints the rows as a JSON array.")
    private boolean json;

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Registry registry = classPath.registry(context);
        if (starts < 1 || runsMax < 1) {
            throw new InputException("--starts and --runs-max must be at least 1");
        }
        if (!orderings.equals("mixed") && !orderings.equals("fifo")) {
            throw new InputException("--orderings: expected mixed or fifo, got '" + orderings
                    + "'");
        }
        List<Variant> variants = new ArrayList<>();
        if (variantNames == null) {
            variants.addAll(registry.variants());
        } else {
            for (String name : variantNames) {
                variants.add(registry.variant(name));
            }
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            throw new InputException("--threads must be at least 1, got " + threadCount);
        }
        List<SearchComparison.Row> rows = SearchComparison.compare(registry, variants, starts,
                runsMax, orderings, threadCount);
        if (json) {
            context.out().println(Json.pretty(asJson(rows)));
        } else {
            context.out().print(table(rows, starts, runsMax));
        }
        context.out().flush();
        return ExitCode.OK;
    }

    private static List<Map<String, Object>> asJson(List<SearchComparison.Row> rows) {
        List<Map<String, Object>> array = new ArrayList<>();
        for (SearchComparison.Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("variant", row.variant());
            entry.put("scenario", row.scenario());
            entry.put("guard", row.guard());
            entry.put("randomMedian", shown(row.randomMedian()));
            entry.put("guidedMedian", shown(row.guidedMedian()));
            entry.put("random", runs(row.random()));
            entry.put("guided", runs(row.guided()));
            entry.put("offGuard", row.offGuard());
            array.add(entry);
        }
        return array;
    }

    private static List<Long> runs(long[] runs) {
        List<Long> list = new ArrayList<>();
        for (long r : runs) {
            list.add(shown(r));
        }
        return list;
    }

    /** Runs as JSON: null for not found. */
    private static Long shown(long runs) {
        return runs == SearchComparison.NOT_FOUND ? null : runs;
    }

    static String table(List<SearchComparison.Row> rows, int starts, long runsMax) {
        StringBuilder text = new StringBuilder();
        int width = Math.max(7, rows.stream().mapToInt(r -> r.variant().length()).max()
                .orElse(7));
        String format = "%-" + width + "s  %-8s %10s %10s %7s%n";
        text.append(String.format(Locale.ROOT, "median runs to first failure over %d starts "
                + "(budget %,d runs each)%n", starts, runsMax));
        text.append(String.format(Locale.ROOT, format, "variant", "guard", "random", "guided",
                "ratio"));
        List<SearchComparison.Row> hardest = SearchComparison.hardestThird(rows);
        for (SearchComparison.Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.variant()
                    + (hardest.contains(row) ? " *" : ""), row.guard(),
                    count(row.randomMedian(), runsMax), count(row.guidedMedian(), runsMax),
                    ratio(row)));
        }
        double hardRandom = 0;
        double hardGuided = 0;
        double worstRest = 0;
        for (SearchComparison.Row row : rows) {
            if (hardest.contains(row)) {
                hardRandom += bounded(row.randomMedian(), runsMax);
                hardGuided += bounded(row.guidedMedian(), runsMax);
            } else {
                worstRest = Math.max(worstRest, bounded(row.guidedMedian(), runsMax)
                        / bounded(row.randomMedian(), runsMax));
            }
        }
        text.append(String.format(Locale.ROOT, "* hardest third: guided needs %.2f of random's "
                + "runs (goal <= 0.33); the rest: at most %.2fx (goal <= 1.5)%n",
                hardGuided / hardRandom, worstRest));
        return text.toString();
    }

    private static double bounded(long runs, long runsMax) {
        return runs == SearchComparison.NOT_FOUND ? runsMax + 1 : runs;
    }

    private static String count(long runs, long runsMax) {
        return runs == SearchComparison.NOT_FOUND ? ">" + runsMax
                : String.format(Locale.ROOT, "%,d", runs);
    }

    private static String ratio(SearchComparison.Row row) {
        if (row.randomMedian() == SearchComparison.NOT_FOUND
                || row.guidedMedian() == SearchComparison.NOT_FOUND) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", (double) row.guidedMedian()
                / row.randomMedian());
    }
}
