package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.args.SeedConverter;
import io.schedsim.cli.determinism.Comparison;
import io.schedsim.cli.determinism.FreshJvmCheck;
import io.schedsim.cli.determinism.InProcessCheck;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.spec.RunSpec;
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
            description = "A variant from 'variants' (default: the correct model).")
    private String variantName;

    @Mixin
    private CheckOption checks;

    @Mixin
    private ClassPathOption classPath;

    @Option(names = "--fresh-jvm", description = "Runs the second time in a new JVM.")
    private boolean freshJvm;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Registry registry = classPath.registry(context);
        RunSpec spec = checks.apply(ResolvedRun.resolve(registry, scenarioName, seed,
                overrides.asMap(), variantName), registry);
        Comparison comparison = freshJvm
                ? FreshJvmCheck.compare(context.plugins(), classPath.entries(), spec)
                : InProcessCheck.compare(spec);
        comparison.print(context.out());
        return comparison.deterministic() ? ExitCode.OK : ExitCode.VIOLATION;
    }
}
