package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.spec.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedsim variants [--json]}: the bug zoo and the variants plugins add (the correct model
 * is not one).
 */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "Lists the variants selectable with --variant: the bug zoo and those "
                + "--classpath adds.")
final class VariantsCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Option(names = "--json", description = "Prints a JSON array of {name, description, "
            + "provider, scenario, guard}.")
    private boolean json;

    @Mixin
    private ClassPathOption classPath;

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<Variant> variants = classPath.registry(context).variants();
        if (json) {
            List<Map<String, Object>> array = new ArrayList<>();
            for (Variant variant : variants) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", variant.name());
                entry.put("description", variant.description());
                entry.put("provider", variant.provider());
                entry.put("scenario", variant.scenario());
                entry.put("guard", variant.guard());
                array.add(entry);
            }
            context.out().println(Json.pretty(array));
        } else {
            int width = variants.stream().mapToInt(v -> v.name().length()).max().orElse(1);
            for (Variant variant : variants) {
                context.out().printf("%-" + width + "s  %s%n", variant.name(),
                        variant.description());
            }
        }
        return ExitCode.OK;
    }
}
