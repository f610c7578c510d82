package io.schedsim.cli.timeline;

import java.util.Locale;

/**
 * Maps simulated milliseconds in {@code [startMillis, endMillis]} to x pixels, and picks round
 * tick steps for the axis. Times outside the window are clamped to its edges.
 */
record Scale(double left, double width, long startMillis, long endMillis) {
    Scale {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("empty window " + startMillis + ".." + endMillis);
        }
    }

    double x(long millis) {
        long clamped = Math.max(startMillis, Math.min(endMillis, millis));
        return left + width * (clamped - startMillis) / (endMillis - startMillis);
    }

    double right() {
        return left + width;
    }

    /** True if {@code [fromMillis, toMillis]} overlaps the window. */
    boolean visible(long fromMillis, long toMillis) {
        return toMillis >= startMillis && fromMillis <= endMillis;
    }

    /** A step of 1, 2 or 5 times a power of ten milliseconds giving about ten ticks. */
    long tickMillis() {
        double raw = Math.max(1, (endMillis - startMillis) / 10.0);
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5}) {
            if (power * factor * 1.5 >= raw) {
                return power * factor;
            }
        }
        return power * 10;
    }

    /** The first tick at or after the window's start. */
    long firstTickMillis() {
        long step = tickMillis();
        return Math.floorDiv(startMillis + step - 1, step) * step;
    }

    static String label(long millis, long stepMillis) {
        if (stepMillis >= 1_000 && millis % 1_000 == 0) {
            return (millis / 1_000) + " s";
        }
        return String.format(Locale.ROOT, stepMillis >= 100 ? "%.1f s" : stepMillis >= 10
                ? "%.2f s" : "%.3f s", millis / 1000.0);
    }
}
