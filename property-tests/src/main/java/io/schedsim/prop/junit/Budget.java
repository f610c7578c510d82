package io.schedsim.prop.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a property searches: {@code tries} seeds from {@code firstSeed}, for at most {@code
 * seconds} of wall-clock time (0: no cap), on {@code threads} threads. A test's own numbers hold
 * unless the user sets the system property ({@code -Dschedsim.tries}, {@code -Dschedsim.seconds},
 * {@code -Dschedsim.seed}, {@code -Dschedsim.threads}); the build passes none of them by default,
 * because when it did, every test ran the build's 200 seeds and 20 s whatever it asked for.
 *
 * @param overridden the system properties that replaced the test's own numbers, in a fixed
 *     order; empty when the test's budget held
 */
public record Budget(long tries, double seconds, long firstSeed, int threads,
        List<String> overridden) {
    static final String TRIES = "schedsim.tries";
    static final String SECONDS = "schedsim.seconds";
    static final String SEED = "schedsim.seed";
    static final String THREADS = "schedsim.threads";

    public Budget {
        if (tries < 1) {
            throw new IllegalArgumentException("tries: at least 1 seed, got " + tries);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds: 0 (no cap) or more, got " + seconds);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1, got " + threads);
        }
        overridden = List.copyOf(overridden);
    }

    /** The test's own numbers, each replaced by its system property where one is set. */
    static Budget resolve(Function<String, String> properties, long ownTries,
            double ownSeconds) {
        List<String> overridden = new ArrayList<>();
        long tries = whole(properties, TRIES, ownTries, 1, "a whole number of seeds, at least 1",
                overridden);
        double seconds = ownSeconds;
        String secondsText = set(properties, SECONDS);
        if (secondsText != null) {
            try {
                seconds = Double.parseDouble(secondsText);
            } catch (NumberFormatException e) {
                seconds = Double.NaN;
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw bad(SECONDS, secondsText, "a number of seconds, 0 (no cap) or more");
            }
            overridden.add(SECONDS);
        }
        long firstSeed = whole(properties, SEED, 1, Long.MIN_VALUE, "a whole number",
                overridden);
        long threads = whole(properties, THREADS, 1, 1, "a whole number of threads, at least 1",
                overridden);
        if (threads > Integer.MAX_VALUE || firstSeed > Long.MAX_VALUE - tries + 1) {
            throw new IllegalArgumentException("-D" + (threads > Integer.MAX_VALUE ? THREADS
                    : SEED) + ": too large");
        }
        return new Budget(tries, seconds, firstSeed, (int) threads, overridden);
    }

    /** The last seed searched. */
    long lastSeed() {
        return firstSeed + tries - 1;
    }

    /** E.g. {@code 300 seeds from 1 within 90 s (the test's own budget)}. */
    @Override
    public String toString() {
        String cap = seconds == 0 ? "" : String.format(Locale.ROOT, " within %s s",
                seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                        : String.valueOf(seconds));
        String from = overridden.isEmpty() ? "the test's own budget"
                : "-D" + String.join(", -D", overridden) + " set";
        return tries + " seeds from " + firstSeed + cap + " (" + from + ")";
    }

    private static long whole(Function<String, String> properties, String name, long own,
            long min, String expected, List<String> overridden) {
        String text = set(properties, name);
        if (text == null) {
            return own;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(name, text, expected);
        }
        if (value < min) {
            throw bad(name, text, expected);
        }
        overridden.add(name);
        return value;
    }

    /** The property's trimmed value; null when unset or blank (Maven passes -Dx= as ""). */
    private static String set(Function<String, String> properties, String name) {
        String text = properties.apply(name);
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static IllegalArgumentException bad(String name, String text, String expected) {
        return new IllegalArgumentException("-D" + name + "=" + text + ": expected " + expected);
    }
}
