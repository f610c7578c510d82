package io.schedsim.cli.command;

import io.schedsim.cli.CliContext;
import io.schedsim.cli.ExitCode;
import io.schedsim.cli.output.Json;
import io.schedsim.prop.zoo.BugVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedsim variants [--json]}: the bug-zoo variants (the correct model is not one). */
@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "Lists the bug-zoo variants selectable with --variant.")
final class VariantsCommand implements Callable<Integer> {
    @ParentCommand
    private SchedsimCommand root;

    @Option(names = "--json", description = "Prints a JSON array of {name, description}.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<BugVariant> variants = context.catalogs().variants();
        if (json) {
            List<Map<String, Object>> array = new ArrayList<>();
            for (BugVariant variant : variants) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", variant.name());
                entry.put("description", variant.description());
                array.add(entry);
            }
            context.out().println(Json.pretty(array));
        } else {
            int width = variants.stream().mapToInt(v -> v.name().length()).max().orElse(1);
            for (BugVariant variant : variants) {
                context.out().printf("%-" + width + "s  %s%n", variant.name(),
                        variant.description());
            }
        }
        return ExitCode.OK;
    }
}
