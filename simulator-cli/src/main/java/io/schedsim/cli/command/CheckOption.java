package io.schedsim.cli.command;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.scenario.InputException;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --check NAME} (repeatable): registered user checks judged after each run. */
public final class CheckOption {
    @Option(names = "--check", paramLabel = "NAME",
            description = "A user check from a plugin, judged after each run like an invariant "
                    + "(repeatable).")
    private List<String> names = new ArrayList<>();

    /** The names given, in order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** {@code spec} with each named check of {@code registry} added. */
    public RunSpec apply(RunSpec spec, Registry registry) {
        RunSpec checked = spec;
        for (String name : names) {
            try {
                checked = checked.withCheck(registry.check(name));
            } catch (InputException e) {
                throw new InputException("--check: " + e.getMessage());
            }
        }
        return checked;
    }
}
