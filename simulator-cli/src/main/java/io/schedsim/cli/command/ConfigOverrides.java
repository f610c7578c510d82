package io.schedsim.cli.command;

import io.schedsim.cli.args.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The repeatable {@code --set KEY=VALUE} option shared by run, sweep and check-determinism. */
public final class ConfigOverrides {
    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = Setting.Converter.class,
            description = "Overrides one knob of the scenario's config (repeatable).")
    private List<Setting> settings = new ArrayList<>();

    /** Key → value text, in command-line order. */
    public Map<String, String> asMap() {
        return Setting.toMap(settings);
    }
}
