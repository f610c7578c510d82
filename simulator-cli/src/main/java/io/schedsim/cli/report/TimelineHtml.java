package io.schedsim.cli.report;

import io.schedsim.prop.scenario.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML page with an inline SVG summary of a run. {@link RunResult} holds no
 * per-node history yet, so this draws the run's report lines and its violations on a time axis;
 * it loads nothing from the network.
 */
public final class TimelineHtml {
    private static final int WIDTH = 960;
    private static final int LINE_HEIGHT = 18;
    private static final int AXIS_TOP = 40;

    private TimelineHtml() {}

    public static String render(RunResult result) {
        List<String> lines = new ArrayList<>(List.of(RunReport.render(result).split("\n")));
        int textTop = AXIS_TOP + 50;
        int height = textTop + LINE_HEIGHT * (lines.size() + 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" font-family=\"monospace\" ")
                .append("font-size=\"13\">\n");
        svg.append("<title>").append(escape(title(result))).append("</title>\n");
        axis(svg, result);
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"10\" y=\"").append(textTop + LINE_HEIGHT * i)
                    .append("\" xml:space=\"preserve\">").append(escape(lines.get(i)))
                    .append("</text>\n");
        }
        svg.append("</svg>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(title(result)) + "</title>\n</head>\n<body>\n" + svg
                + "</body>\n</html>\n";
    }

    /** A line for simulated time with a red tick per violation. */
    private static void axis(StringBuilder svg, RunResult result) {
        int left = 10;
        int right = WIDTH - 10;
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(AXIS_TOP)
                .append("\" x2=\"").append(right).append("\" y2=\"").append(AXIS_TOP)
                .append("\" stroke=\"#444\" stroke-width=\"2\"/>\n");
        svg.append("<text x=\"").append(left).append("\" y=\"").append(AXIS_TOP - 10)
                .append("\">0 ms</text>\n");
        svg.append("<text x=\"").append(right).append("\" y=\"").append(AXIS_TOP - 10)
                .append("\" text-anchor=\"end\">").append(result.simulatedMillis())
                .append(" ms simulated</text>\n");
        if (result.violations() == null) {
            return;
        }
        long span = Math.max(1, result.simulatedMillis());
        for (RunResult.Violation v : result.violations()) {
            double fraction = Math.min(1.0, Math.max(0.0, v.atMillis() / (double) span));
            long x = left + Math.round((right - left) * fraction);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(AXIS_TOP - 8)
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(AXIS_TOP + 8)
                    .append("\" stroke=\"#c00\" stroke-width=\"3\"><title>")
                    .append(escape(v.invariant() + " at " + v.atMillis() + " ms: " + v.message()))
                    .append("</title></line>\n");
        }
    }

    private static String title(RunResult result) {
        return "schedsim " + result.scenario() + " seed " + result.seed()
                + (result.variant() == null ? "" : " variant " + result.variant());
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': escaped.append("&lt;"); break;
                case '>': escaped.append("&gt;"); break;
                case '&': escaped.append("&amp;"); break;
                case '"': escaped.append("&quot;"); break;
                default: escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
