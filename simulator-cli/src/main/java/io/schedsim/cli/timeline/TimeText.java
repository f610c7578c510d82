package io.schedsim.cli.timeline;

import java.util.Locale;

/** Simulated times as people read them in a timeline: seconds with millisecond precision. */
final class TimeText {
    private TimeText() {}

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    static String range(long startMillis, long endMillis) {
        return String.format(Locale.ROOT, "%.3f–%.3f s", startMillis / 1000.0,
                endMillis / 1000.0);
    }
}
