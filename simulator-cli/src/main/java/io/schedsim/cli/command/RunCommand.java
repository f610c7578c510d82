package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.args.SeedConverter;
import io.schedsim.cli.output.Json;
import io.schedsim.cli.output.RecordedRun;
import io.schedsim.cli.report.RunReport;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.spec.RunSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedsim run <scenario>}: one simulation; exit 1 when it violated an invariant. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one simulation of a scenario and reports it.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "A name from 'scenarios'.")
    private String scenarioName;

    @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class,
            description = "The run's seed, any 64-bit integer (default: 1).")
    private long seed = 1;

    @Mixin
    private ConfigOverrides overrides;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "A variant from 'variants' (default: the correct model).")
    private String variantName;

    @Mixin
    private CheckOption checks;

    @Mixin
    private ClassPathOption classPath;

    @Option(names = "--json", description = "Prints the run's result as one JSON object.")
    private boolean json;

    @Mixin
    private RunFiles files;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Registry registry = classPath.registry(context);
        RunSpec spec = checks.apply(ResolvedRun.resolve(registry, scenarioName, seed,
                overrides.asMap(), variantName), registry);
        RunResult result = RecordedRun.run(spec::run, files.paths()).result();
        print(context, result, json);
        return exitCode(result);
    }

    /** Prints a result as JSON or as the text report; shared with replay. */
    static void print(CliContext context, RunResult result, boolean json) {
        if (json) {
            context.out().println(Json.pretty(result));
        } else {
            context.out().print(RunReport.render(result));
        }
    }

    static int exitCode(RunResult result) {
        boolean violated = result.violations() != null && !result.violations().isEmpty();
        return violated ? ExitCode.VIOLATION : ExitCode.OK;
    }
}
