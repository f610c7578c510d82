package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.args.SeedConverter;
import io.schedsim.cli.diff.DiffReport;
import io.schedsim.cli.diff.ReplayRun;
import io.schedsim.cli.diff.RunDiff;
import io.schedsim.cli.output.Json;
import io.schedsim.cli.output.OutputFile;
import io.schedsim.cli.timeline.DiffTimelineHtml;
import io.schedsim.cli.timeline.DiffTimelineHtml.Side;
import io.schedsim.cli.timeline.TaskOccupancy;
import io.schedsim.prop.plugin.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim diff <A.json> <B.json>}: runs two replay files (B with {@code --seed} and
 * {@code --set} applied) and names the first event at which their traces differ.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Runs two replay files and compares their event hash chains; names the "
                + "first divergent event of both runs, or says they are identical. --seed and "
                + "--set apply to B.",
            "Exit 0: identical. Exit 1: the runs diverge. Exit 2: a file, option or value is "
                + "bad (no file is written)."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<A.json>", description = "A replay file: run A.")
    private String pathA;

    @Parameters(index = "1", paramLabel = "<B.json>",
            description = "A replay file: run B, with --seed and --set applied.")
    private String pathB;

    @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class,
            description = "Replaces B's seed (any 64-bit integer).")
    private Long seedB;

    @Mixin
    private ConfigOverrides overridesB;

    @Mixin
    private ClassPathOption classPath;

    @Option(names = "--json", description = "Prints the comparison as one JSON object.")
    private boolean json;

    @Option(names = "--timeline", paramLabel = "FILE.html", description = "Writes both "
            + "timelines on one time axis, the first divergent event marked (opens offline).")
    private String timelinePath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Registry registry = classPath.registry(context);
        ReplayRun a = ReplayRun.load(pathA, null, Map.of(), registry);
        ReplayRun b = ReplayRun.load(pathB, seedB, overridesB.asMap(), registry);
        try (OutputFile timeline = timelinePath == null ? null
                : OutputFile.prepare("--timeline", timelinePath)) {
            // Leases are recorded only for the picture, as run --timeline does.
            TaskOccupancy occupancyA = timeline == null ? null : new TaskOccupancy();
            TaskOccupancy occupancyB = timeline == null ? null : new TaskOccupancy();
            RunDiff diff = RunDiff.of(a, b, occupancyA == null ? null : occupancyA::install,
                    occupancyB == null ? null : occupancyB::install);
            StringWriter text = new StringWriter();
            DiffReport.print(diff, new PrintWriter(text));
            if (timeline != null) {
                timeline.writeString(DiffTimelineHtml.render(
                        new Side("A", diff.outcomeA(), occupancyA, diff.divergenceMillisA()),
                        new Side("B", diff.outcomeB(), occupancyB, diff.divergenceMillisB()),
                        text.toString()));
                timeline.commit();
            }
            if (json) {
                context.out().println(Json.pretty(DiffReport.json(diff)));
            } else {
                context.out().print(text);
            }
            return diff.identical() ? ExitCode.OK : ExitCode.DIVERGED;
        }
    }
}
