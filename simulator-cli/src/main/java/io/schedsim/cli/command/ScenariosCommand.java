package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.describe.ScenarioDescription;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedsim scenarios [--json]}: the built-in scenarios and those of plugins. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Lists the built-in scenarios and those --classpath adds (--json: config "
                + "defaults and knobs).")
final class ScenariosCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Option(names = "--json",
            description = "Prints a JSON array of {name, description, config, knobs}.")
    private boolean json;

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<Scenario> scenarios = classPath.registry(context).scenarios();
        if (json) {
            List<Map<String, Object>> array = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                array.add(ScenarioDescription.json(scenario));
            }
            context.out().println(Json.pretty(array));
        } else {
            int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(1);
            for (Scenario scenario : scenarios) {
                context.out().printf("%-" + width + "s  %s%n", scenario.name(),
                        scenario.description());
            }
        }
        return ExitCode.OK;
    }
}
