package io.schedsim.fault.plan;

import java.util.Locale;

/** Fixed, locale-free renderings of millisecond times and durations for plan descriptions. */
public final class TimeText {
    private TimeText() {}

    /** {@code 61234 -> "61.234s"}; negative values keep their sign. */
    public static String seconds(long millis) {
        String sign = millis < 0 ? "-" : "";
        long magnitude = Math.abs(millis);
        return sign + String.format(Locale.ROOT, "%d.%03ds", magnitude / 1000, magnitude % 1000);
    }

    /** {@code for=5.000s}, or {@code until=heal} for {@link FaultAction#UNTIL_HEAL}. */
    public static String duration(long durationMillis) {
        return durationMillis == FaultAction.UNTIL_HEAL
                ? "until=heal" : "for=" + seconds(durationMillis);
    }
}
