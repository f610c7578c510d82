package io.schedsim.cli.args;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An inclusive range of seeds {@code first..last} with {@code first <= last}. */
public record SeedRange(long first, long last) {
    public SeedRange {
        if (first > last) {
            throw new IllegalArgumentException("empty seed range " + first + ".." + last);
        }
    }

    /** Number of seeds in the range, saturating at {@code Long.MAX_VALUE}. */
    public long size() {
        long size = last - first + 1;
        return size <= 0 ? Long.MAX_VALUE : size;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }

    /** Parses {@code A..B} (or a single seed {@code N}, meaning {@code N..N}). */
    public static SeedRange parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            long seed = SeedConverter.parseSeed(text);
            return new SeedRange(seed, seed);
        }
        String firstText = text.substring(0, dots);
        String lastText = text.substring(dots + 2);
        if (firstText.isBlank() || lastText.isBlank()) {
            throw new TypeConversionException("'" + text + "' is not a seed range (expected A..B, "
                    + "e.g. 1..1000)");
        }
        long first;
        long last;
        try {
            first = SeedConverter.parseSeed(firstText);
            last = SeedConverter.parseSeed(lastText);
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + text + "' is not a seed range: "
                    + e.getMessage());
        }
        if (first > last) {
            throw new TypeConversionException("'" + text + "' is empty: " + first + " > " + last
                    + " (expected A..B with A <= B)");
        }
        return new SeedRange(first, last);
    }

    /** The picocli converter for {@code --seeds}. */
    public static final class Converter implements ITypeConverter<SeedRange> {
        @Override
        public SeedRange convert(String text) {
            return parse(text);
        }
    }
}
