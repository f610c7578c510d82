package io.schedsim.cli.args;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A wall-clock budget in seconds (fractions allowed) within [{@value #SECONDS_MIN},
 * {@value #SECONDS_MAX}].
 */
public final class SecondsConverter implements ITypeConverter<Double> {
    /**
     * One second: a shorter budget can end before the first seed finishes (0.01 s ran none on
     * the 2-core CI machine), and a sweep that tested nothing must not look like a clean one.
     */
    public static final double SECONDS_MIN = 1;
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
        if (!(seconds >= SECONDS_MIN)) {
            throw new TypeConversionException("must be at least 1 second (a shorter budget can "
                    + "end before the first seed; for a few seeds use --seeds A..B), got " + text);
        }
        if (seconds > SECONDS_MAX) {
            throw new TypeConversionException("must be at most " + (long) SECONDS_MAX
                    + " seconds (30 days), got " + text);
        }
        return seconds;
    }
}
