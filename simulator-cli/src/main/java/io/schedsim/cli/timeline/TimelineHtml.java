package io.schedsim.cli.timeline;

import io.schedsim.cli.report.RunReport;
import io.schedsim.prop.scenario.RunOutcome;

/**
 * The {@code --timeline} page: the SVG picture of {@link SvgTimeline}, then the run's text report
 * and its event log (node events, fault ledger, violations). One file with inline styles; it loads
 * nothing, so it opens offline and can be attached to a bug report.
 */
public final class TimelineHtml {
    static final String STYLE = "body{margin:12px;font-family:'DejaVu Sans',Helvetica,"
            + "Arial,sans-serif;color:#222;background:#fff}"
            + "svg{display:block;max-width:100%;height:auto}"
            + "details{margin:10px 0}summary{cursor:pointer;font-weight:bold}"
            + "pre{font-size:12px;background:#f6f6f6;padding:8px;overflow-x:auto}"
            + "p.hint{font-size:12px;color:#666}";

    private TimelineHtml() {}

    public static String render(RunOutcome outcome) {
        return render(outcome, null);
    }

    /** The page, with Ray task occupancy from {@code occupancy} (null: none recorded). */
    public static String render(RunOutcome outcome, TaskOccupancy occupancy) {
        TimelineModel model = TimelineBuilder.build(outcome, occupancy,
                TimelineBuilder.LANES_MAX);
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(Svg.escape(model.title())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append(SvgTimeline.render(model));
        String zoom = SvgTimeline.renderZoom(model);
        if (zoom != null) {
            html.append(zoom);
        }
        html.append("<p class=\"hint\">Hover over any bar, band or mark for details. Time is "
                        + "simulated seconds since the start of the run.</p>\n")
                .append("<details open><summary>Run report</summary>\n<pre>")
                .append(Svg.escape(RunReport.render(outcome.result()))).append("</pre>\n")
                .append("</details>\n<details><summary>Event log (")
                .append(model.log().size()).append(" lines)</summary>\n<pre>");
        for (String line : model.log()) {
            html.append(Svg.escape(line)).append('\n');
        }
        html.append("</pre>\n</details>\n</body>\n</html>\n");
        return html.toString();
    }
}
