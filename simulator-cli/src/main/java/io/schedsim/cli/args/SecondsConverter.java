package io.schedsim.cli.args;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive wall-clock budget in seconds (fractions allowed), at most {@value #SECONDS_MAX}. */
public final class SecondsConverter implements ITypeConverter<Double> {
    /** Thirty days; anything longer is a typo, not a budget. */
    public static final double SECONDS_MAX = 30 * 24 * 3600;

    @Override
    public Double convert(String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number of seconds");
        }
        if (!(seconds > 0)) {
            throw new TypeConversionException("must be a positive number of seconds, got " + text);
        }
        if (seconds > SECONDS_MAX) {
            throw new TypeConversionException("must be at most " + (long) SECONDS_MAX
                    + " seconds (30 days), got " + text);
        }
        return seconds;
    }
}
