package io.schedsim.cli.timeline;

import io.schedsim.cli.report.RunReport;
import io.schedsim.cli.timeline.SvgTimeline.Panel;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.prop.scenario.RunOutcome;
import java.util.List;

/**
 * The {@code diff --timeline} page: the diff's verdict, run A and run B drawn on one time axis (the
 * longer run's), the first divergent event a purple dashed line in both, then both again around
 * the divergence at the same larger scale, and both run reports. Self-contained, like
 * {@link TimelineHtml}.
 */
public final class DiffTimelineHtml {
    /** Around the divergence: this share of the axis on either side, at least the minimum. */
    static final double AROUND_SHARE = 0.02;
    static final long AROUND_MILLIS_MIN = 1_000;

    /**
     * One run of the diff.
     *
     * @param name "A" or "B"
     * @param divergenceMillis when its first divergent event happened, or when it ended if it
     *     ended first; -1 when the runs are identical
     * @param occupancy its recorded Ray leases, or null
     */
    public record Side(String name, RunOutcome outcome, TaskOccupancy occupancy,
            long divergenceMillis) {}

    private DiffTimelineHtml() {}

    /** The page; {@code verdict} is the diff's text report, shown above the pictures. */
    public static String render(Side a, Side b, String verdict) {
        TimelineModel modelA = model(a);
        TimelineModel modelB = model(b);
        long axisEnd = Math.max(modelA.endMillis(), modelB.endMillis());
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>schedsim diff</title>\n<style>").append(TimelineHtml.STYLE)
                .append("</style>\n</head>\n<body>\n<pre>").append(Svg.escape(verdict))
                .append("</pre>\n")
                .append(SvgTimeline.render(modelA, new Panel(0, axisEnd, null, true,
                        lines(a))))
                .append(SvgTimeline.render(modelB, new Panel(0, axisEnd, null, false,
                        lines(b))));
        if (a.divergenceMillis() >= 0 || b.divergenceMillis() >= 0) {
            long at = first(a.divergenceMillis(), b.divergenceMillis());
            long last = Math.max(a.divergenceMillis(), b.divergenceMillis());
            long pad = Math.max(AROUND_MILLIS_MIN, (long) (axisEnd * AROUND_SHARE));
            long start = Math.max(0, at - pad);
            long end = Math.min(axisEnd, last + pad);
            for (Side side : List.of(a, b)) {
                TimelineModel model = side == a ? modelA : modelB;
                html.append(SvgTimeline.render(model, new Panel(start, Math.max(end, start + 1),
                        side.name() + " around the divergence: " + TimeText.range(start, end),
                        false, lines(side))));
            }
        }
        html.append("<p class=\"hint\">Both runs share one time axis. Hover over any bar, band ")
                .append("or mark for details.</p>\n");
        for (Side side : List.of(a, b)) {
            html.append("<details><summary>Run report ").append(side.name())
                    .append("</summary>\n<pre>")
                    .append(Svg.escape(RunReport.render(side.outcome().result())))
                    .append("</pre>\n</details>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static TimelineModel model(Side side) {
        TimelineModel model = TimelineBuilder.build(side.outcome(), side.occupancy(),
                TimelineBuilder.LANES_MAX);
        return model.withTitle(side.name() + ": " + model.title());
    }

    private static List<Mark> lines(Side side) {
        if (side.divergenceMillis() < 0) {
            return List.of();
        }
        return List.of(new Mark(side.divergenceMillis(), "divergence", side.name()
                + "'s first divergent event (or its end) at "
                + TimeText.seconds(side.divergenceMillis())));
    }

    /** The earlier of two times, either of which may be -1 (absent). */
    private static long first(long a, long b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
