package io.schedsim.prop.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One configuration knob of a scenario: lowerCamelCase name with its unit in the name, a type, a
 * documented default, an inclusive range for numbers (or the allowed values for strings), a
 * one-line description, and the unit its number counts in. {@link #parse} turns the text of
 * {@code --set name=value} into a value or throws an {@link InputException} naming the knob.
 *
 * <p>A name that carries its unit (STYLE: units last) gives the unit: {@code ...Millis...} is
 * ms, {@code ...CpuMilli} is CPU millicores. Other numbers state theirs with {@link #in}. A
 * renamed knob keeps answering to its {@link #formerNames()} in {@code --set} and in replay files,
 * forever, so no command line or file that once worked stops working.
 *
 * @param unit what one step of the number means ("ms", "nodes", ...); null for a choice or flag
 * @param formerNames earlier names of this knob, still accepted as input
 * @param valueWhenAbsent the knob was added to a scenario that already had replay files: a
 *     file that lacks it was run with the behaviour this value gives, which it therefore takes;
 *     null for a knob every file names
 */
public record Knob(String name, KnobType type, Object defaultValue, double min, double max,
        List<String> allowed, String description, String unit, List<String> formerNames,
        Object valueWhenAbsent) {

    public static final String MILLISECONDS = "ms";
    public static final String CPU_MILLICORES = "CPU millicores";

    public Knob {
        allowed = List.copyOf(allowed);
        formerNames = List.copyOf(formerNames);
    }

    public static Knob ofInt(String name, int defaultValue, int min, int max, String description) {
        return new Knob(name, KnobType.INT, defaultValue, min, max, List.of(), description,
                unitOfName(name), List.of(), null);
    }

    public static Knob ofLong(String name, long defaultValue, long min, long max,
            String description) {
        return new Knob(name, KnobType.LONG, defaultValue, min, max, List.of(), description,
                unitOfName(name), List.of(), null);
    }

    public static Knob ofDouble(String name, double defaultValue, double min, double max,
            String description) {
        return new Knob(name, KnobType.DOUBLE, defaultValue, min, max, List.of(), description,
                unitOfName(name), List.of(), null);
    }

    public static Knob ofBoolean(String name, boolean defaultValue, String description) {
        return new Knob(name, KnobType.BOOLEAN, defaultValue, 0, 1, List.of(), description, null,
                List.of(), null);
    }

    public static Knob ofChoice(String name, String defaultValue, List<String> allowed,
            String description) {
        return new Knob(name, KnobType.STRING, defaultValue, 0, 0, allowed, description, null,
                List.of(), null);
    }

    /** The unit a name states by its suffix, or null. */
    static String unitOfName(String name) {
        if (name.endsWith("CpuMilli")) {
            return CPU_MILLICORES;
        }
        return name.contains("Millis") ? MILLISECONDS : null;
    }

    /** This knob counting in {@code unitName} (e.g. "nodes", "tasks", "fraction"). */
    public Knob in(String unitName) {
        return new Knob(name, type, defaultValue, min, max, allowed, description, unitName,
                formerNames, valueWhenAbsent);
    }

    /** This knob, also answering to {@code formerName} (a name it had before a rename). */
    public Knob formerly(String formerName) {
        List<String> names = new ArrayList<>(formerNames);
        names.add(formerName);
        return new Knob(name, type, defaultValue, min, max, allowed, description, unit, names,
                valueWhenAbsent);
    }

    /**
     * This knob, added to a scenario after replay files of it were written: a file without it
     * takes the default, which must be the behaviour the scenario had before the knob existed.
     */
    public Knob addedLater() {
        return addedLater(defaultValue);
    }

    /**
     * This knob, added to a scenario after replay files of it were written, with a default that
     * changes the scenario's runs: a file without it takes {@code before}, the value that gives
     * the behaviour the scenario had before the knob existed, so it replays as it was recorded.
     */
    public Knob addedLater(Object before) {
        return new Knob(name, type, defaultValue, min, max, allowed, description, unit,
                formerNames, coerce(before));
    }

    /** True if {@code key} is this knob's name or one of its former names. */
    public boolean answersTo(String key) {
        return name.equals(key) || formerNames.contains(key);
    }

    /** True for INT, LONG and DOUBLE knobs, which have a range. */
    public boolean isNumeric() {
        return type == KnobType.INT || type == KnobType.LONG || type == KnobType.DOUBLE;
    }

    /** Parses and validates the text of a {@code --set} value. */
    public Object parse(String text) {
        String value = text.trim();
        try {
            switch (type) {
                case INT:
                    return checkRange(Integer.parseInt(value.replace("_", "")));
                case LONG:
                    return checkRange(Long.parseLong(value.replace("_", "")));
                case DOUBLE:
                    double d = Double.parseDouble(value);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                    return checkRange(d);
                case BOOLEAN:
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
                    }
                    throw new InputException(
                            "--set " + name + ": expected true or false, got '" + text + "'");
                case STRING:
                    if (!allowed.isEmpty() && !allowed.contains(value)) {
                        throw new InputException("--set " + name + ": expected one of "
                                + String.join(", ", allowed) + ", got '" + text + "'");
                    }
                    return value;
                default:
                    throw new AssertionError(type);
            }
        } catch (NumberFormatException e) {
            throw new InputException("--set " + name + ": expected "
                    + type.name().toLowerCase(Locale.ROOT) + ", got '" + text + "'");
        }
    }

    /** Validates a value that came from a file (replay) rather than from text. */
    public Object coerce(Object value) {
        if (value == null) {
            throw new InputException("config." + name + ": missing value");
        }
        return parse(String.valueOf(value));
    }

    private <T extends Number> T checkRange(T value) {
        double v = value.doubleValue();
        if (v < min || v > max) {
            throw new InputException("--set " + name + ": must be within [" + format(min) + ", "
                    + format(max) + "], got " + value);
        }
        return value;
    }

    /** A bound as the knob's type prints it: 1000 for whole numbers, 0.5 for doubles. */
    public Object bound(double bound) {
        if (type == KnobType.DOUBLE) {
            return bound;
        }
        return (long) bound;
    }

    private String format(double bound) {
        return String.valueOf(bound(bound));
    }
}
