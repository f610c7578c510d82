package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.args.SeedConverter;
import io.schedsim.cli.determinism.Comparison;
import io.schedsim.cli.determinism.FreshJvmCheck;
import io.schedsim.cli.determinism.InProcessCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedsim check-determinism <scenario>}: exit 0 when two runs agree, 1 when not. */
@Command(name = "check-determinism", mixinStandardHelpOptions = true,
        description = "Runs a scenario twice and compares the event hash chains; on a mismatch "
                + "prints the first divergent event.")
final class CheckDeterminismCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "A name from 'scenarios'.")
    private String scenarioName;

    @Option(names = "--seed", paramLabel = "N", converter = SeedConverter.class,
            description = "The seed of both runs (default: 1).")
    private long seed = 1;

    @Mixin
    private ConfigOverrides overrides;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "A bug-zoo variant (default: the correct model).")
    private String variantName;

    @Option(names = "--fresh-jvm", description = "Runs the second time in a new JVM.")
    private boolean freshJvm;

    @Override
    public Integer call() {
        CliContext context = root.context();
        ResolvedRun run = ResolvedRun.resolve(context.catalogs(), scenarioName, seed,
                overrides.asMap(), variantName);
        Comparison comparison = freshJvm
                ? FreshJvmCheck.compare(context.catalogs(), run.scenario(), run.request())
                : InProcessCheck.compare(run.scenario(), run.request());
        comparison.print(context.out());
        return comparison.deterministic() ? ExitCode.OK : ExitCode.VIOLATION;
    }
}
