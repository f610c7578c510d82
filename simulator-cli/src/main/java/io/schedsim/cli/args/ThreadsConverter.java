package io.schedsim.cli.args;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A thread count within [1, {@value #THREADS_MAX}]. */
public final class ThreadsConverter implements ITypeConverter<Integer> {
    public static final int THREADS_MAX = 1024;

    @Override
    public Integer convert(String text) {
        int threads;
        try {
            threads = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number of threads");
        }
        if (threads < 1 || threads > THREADS_MAX) {
            throw new TypeConversionException("must be within [1, " + THREADS_MAX + "], got "
                    + text);
        }
        return threads;
    }
}
