package io.schedsim.prop.scenario;

import java.util.List;
import java.util.Locale;

/**
 * One configuration knob of a scenario: lowerCamelCase name with its unit in the name, a type, a
 * documented default, an inclusive range for numbers (or the allowed values for strings), and a
 * one-line description. {@link #parse} turns the text of {@code --set name=value} into a value or
 * throws an {@link InputException} naming the knob.
 */
public record Knob(String name, KnobType type, Object defaultValue, double min, double max,
        List<String> allowed, String description) {

    public static Knob ofInt(String name, int defaultValue, int min, int max, String description) {
        return new Knob(name, KnobType.INT, defaultValue, min, max, List.of(), description);
    }

    public static Knob ofLong(String name, long defaultValue, long min, long max,
            String description) {
        return new Knob(name, KnobType.LONG, defaultValue, min, max, List.of(), description);
    }

    public static Knob ofDouble(String name, double defaultValue, double min, double max,
            String description) {
        return new Knob(name, KnobType.DOUBLE, defaultValue, min, max, List.of(), description);
    }

    public static Knob ofBoolean(String name, boolean defaultValue, String description) {
        return new Knob(name, KnobType.BOOLEAN, defaultValue, 0, 1, List.of(), description);
    }

    public static Knob ofChoice(String name, String defaultValue, List<String> allowed,
            String description) {
        return new Knob(name, KnobType.STRING, defaultValue, 0, 0, List.copyOf(allowed),
                description);
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

    private String format(double bound) {
        if (type == KnobType.DOUBLE) {
            return String.valueOf(bound);
        }
        return String.valueOf((long) bound);
    }
}
