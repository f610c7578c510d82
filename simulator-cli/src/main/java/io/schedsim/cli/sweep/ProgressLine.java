package io.schedsim.cli.sweep;

import io.schedsim.prop.search.PropertySearch;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The sweep's progress line: seeds run, seeds per second, failures and the time left. On a
 * terminal it is rewritten in place (carriage return) at most every {@value #INTERVAL_MILLIS} ms;
 * elsewhere ({@code --progress} into a file or a pipe) each update is a line of its own, at most
 * every {@value #LINE_INTERVAL_MILLIS} ms. Workers report from their own threads, so updates are
 * synchronized.
 */
public final class ProgressLine implements Consumer<PropertySearch.Progress> {
    static final long INTERVAL_MILLIS = 250;
    static final long LINE_INTERVAL_MILLIS = 1_000;

    private final PrintWriter err;
    private final String name;
    private final long seedsTotal;
    private final double seconds;
    private final boolean inPlace;
    private final long intervalMillis;
    private long lastPrintMillis;
    private int lastWidth;

    /**
     * @param seedsTotal seeds in the range, or {@code Long.MAX_VALUE} when only time bounds it
     * @param seconds the time budget, or 0 for none
     */
    public ProgressLine(PrintWriter err, String name, long seedsTotal, double seconds) {
        this(err, name, seedsTotal, seconds, true);
    }

    /** As above; {@code inPlace} false writes each update as a line of its own. */
    public ProgressLine(PrintWriter err, String name, long seedsTotal, double seconds,
            boolean inPlace) {
        this.err = err;
        this.name = name;
        this.seedsTotal = seedsTotal;
        this.seconds = seconds;
        this.inPlace = inPlace;
        this.intervalMillis = inPlace ? INTERVAL_MILLIS : LINE_INTERVAL_MILLIS;
        this.lastPrintMillis = -intervalMillis;
    }

    @Override
    public synchronized void accept(PropertySearch.Progress progress) {
        if (progress.elapsedMillis() - lastPrintMillis < intervalMillis) {
            return;
        }
        lastPrintMillis = progress.elapsedMillis();
        String line = format(name, progress.seedsRun(), progress.failures(),
                progress.elapsedMillis(), seedsTotal, seconds);
        if (!inPlace) {
            err.println(line);
            err.flush();
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Blanks the line so the report starts on a clean one. */
    public synchronized void clear() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    /** e.g. {@code sweep chaos-swarm: 1,234 seeds (2,345/s), 2 failures, ETA 12 s}. */
    static String format(String name, long seedsRun, long failures, long elapsedMillis,
            long seedsTotal, double seconds) {
        double rate = elapsedMillis <= 0 ? 0 : seedsRun * 1000.0 / elapsedMillis;
        double left = Double.POSITIVE_INFINITY;
        if (seconds > 0) {
            left = Math.max(0, seconds - elapsedMillis / 1000.0);
        }
        if (seedsTotal != Long.MAX_VALUE && rate > 0) {
            left = Math.min(left, Math.max(0, seedsTotal - seedsRun) / rate);
        }
        String of = seedsTotal == Long.MAX_VALUE ? "" : String.format(Locale.ROOT, "/%,d",
                seedsTotal);
        return String.format(Locale.ROOT, "sweep %s: %,d%s seeds (%,.0f/s), %d failure%s, ETA %s",
                name, seedsRun, of, rate, failures, failures == 1 ? "" : "s", eta(left));
    }

    private static String eta(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "?";
        }
        long whole = (long) Math.ceil(seconds);
        return whole < 120 ? whole + " s" : String.format(Locale.ROOT, "%d min %02d s",
                whole / 60, whole % 60);
    }
}
