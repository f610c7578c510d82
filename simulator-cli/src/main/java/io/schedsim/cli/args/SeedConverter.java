package io.schedsim.cli.args;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A seed is any 64-bit signed integer, written in decimal; underscores may group digits. */
public final class SeedConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        return parseSeed(text);
    }

    /** Parses one seed or throws a {@link TypeConversionException} quoting the text. */
    public static long parseSeed(String text) {
        String digits = text.strip().replace("_", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            if (digits.matches("[+-]?[0-9]+")) {
                throw new TypeConversionException("'" + text + "' is out of range (seeds are "
                        + "64-bit integers, " + Long.MIN_VALUE + ".." + Long.MAX_VALUE + ")");
            }
            throw new TypeConversionException("'" + text + "' is not a number (seeds are 64-bit "
                    + "integers)");
        }
    }
}
