package io.schedsim.cli.describe;

import io.schedsim.prop.scenario.Knob;
import io.schedsim.prop.scenario.KnobType;
import io.schedsim.prop.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as data and as text. The JSON entry is {@code {name, description, config, knobs}}:
 * {@code config} maps each knob to its default exactly as before, and {@code knobs} says per knob
 * its description, type, unit, default, range (numbers) or allowed values (choices), and former
 * names (CLI.md "Additions").
 */
public final class ScenarioDescription {
    private static final String ROW = "%-{name}s  %-{default}s  %-{unit}s  %-{range}s  %s%n";

    private ScenarioDescription() {}

    /** The {@code scenarios --json} entry of one scenario, also printed by describe --json. */
    public static Map<String, Object> json(Scenario scenario) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", scenario.name());
        entry.put("description", scenario.description());
        entry.put("config", scenario.defaults().asMap());
        List<Map<String, Object>> knobs = new ArrayList<>();
        for (Knob knob : scenario.knobs()) {
            knobs.add(json(knob));
        }
        entry.put("knobs", knobs);
        return entry;
    }

    /** One knob: unit, min and max only for numbers, allowed only for choices. */
    static Map<String, Object> json(Knob knob) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", knob.name());
        entry.put("description", knob.description());
        entry.put("type", knob.type().name().toLowerCase(Locale.ROOT));
        if (knob.unit() != null) {
            entry.put("unit", knob.unit());
        }
        entry.put("default", knob.defaultValue());
        if (knob.isNumeric()) {
            entry.put("min", knob.bound(knob.min()));
            entry.put("max", knob.bound(knob.max()));
        }
        if (knob.type() == KnobType.STRING) {
            entry.put("allowed", knob.allowed());
        }
        if (knob.type() == KnobType.BOOLEAN) {
            entry.put("allowed", List.of(true, false));
        }
        if (!knob.formerNames().isEmpty()) {
            entry.put("formerNames", knob.formerNames());
        }
        return entry;
    }

    /** The text of {@code describe}: the scenario, a table of its knobs, and how to set them. */
    public static String text(Scenario scenario) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"knob", "default", "unit", "range", "description"});
        List<String> renamed = new ArrayList<>();
        for (Knob knob : scenario.knobs()) {
            rows.add(new String[] {knob.name(), String.valueOf(knob.defaultValue()),
                knob.unit() == null ? "-" : knob.unit(), range(knob), knob.description()});
            for (String former : knob.formerNames()) {
                renamed.add("'" + knob.name() + "' was called '" + former + "'");
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(scenario.name()).append(": ").append(scenario.description()).append("\n\n");
        String row = ROW.replace("{name}", width(rows, 0)).replace("{default}", width(rows, 1))
                .replace("{unit}", width(rows, 2)).replace("{range}", width(rows, 3));
        for (String[] cells : rows) {
            text.append(String.format(Locale.ROOT, row, (Object[]) cells));
        }
        text.append("\nSet a knob with --set KEY=VALUE (run, sweep, check-determinism).");
        if (!renamed.isEmpty()) {
            text.append(" ").append(String.join("; ", renamed)).append(" (it collided with the "
                    + "bug zoo's --variant): the old name is still accepted, in --set and in "
                    + "replay files, and means the same.");
        }
        return text.append('\n').toString();
    }

    /** {@code min..max} for numbers, {@code a|b|c} for choices, {@code true|false} for flags. */
    private static String range(Knob knob) {
        if (knob.isNumeric()) {
            return knob.bound(knob.min()) + ".." + knob.bound(knob.max());
        }
        if (knob.type() == KnobType.BOOLEAN) {
            return "true|false";
        }
        return knob.allowed().isEmpty() ? "any" : String.join("|", knob.allowed());
    }

    private static String width(List<String[]> rows, int column) {
        int width = 1;
        for (String[] cells : rows) {
            width = Math.max(width, cells[column].length());
        }
        return String.valueOf(width);
    }
}
