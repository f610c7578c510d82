package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.describe.ScenarioDescription;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.scenario.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedsim describe <scenario> [--json]}: every knob with its unit, range and default. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Lists every knob of a scenario: name, default, unit, range or allowed "
                + "values, description.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Parameters(index = "0", paramLabel = "<scenario>", description = "A name from 'scenarios'.")
    private String scenarioName;

    @Option(names = "--json", description = "Prints the scenario's 'scenarios --json' entry.")
    private boolean json;

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Scenario scenario = classPath.registry(context).scenario(scenarioName);
        if (json) {
            context.out().println(Json.pretty(ScenarioDescription.json(scenario)));
        } else {
            context.out().print(ScenarioDescription.text(scenario));
        }
        return ExitCode.OK;
    }
}
