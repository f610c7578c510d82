package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Mark;

/** Draws instant marks: fault ticks, kills, restarts, joins and drain deadlines. */
final class Marks {
    private Marks() {}

    /** Draws {@code mark} at {@code x} on a lane spanning {@code top} to {@code bottom}. */
    static void draw(Svg svg, Mark mark, double x, double top, double bottom, double statusY) {
        switch (mark.kind()) {
            case "fault" -> triangle(svg, x, top, "fill=\"" + Palette.FAULT
                    + "\" stroke=\"#a04000\" stroke-width=\"0.6\"", mark.label());
            case "skipped" -> triangle(svg, x, top, "fill=\"#fff\" stroke=\"#8c8c8c\"",
                    "skipped: " + mark.label());
            case "host-terminated" -> cross(svg, x, statusY, "#000", mark.label());
            case "agent-killed" -> cross(svg, x, statusY, "#7b1fa2", mark.label());
            case "restarted", "joined" -> svg.circle(x, statusY, 3.2,
                    "fill=\"#fff\" stroke=\"#238b45\" stroke-width=\"1.6\"", mark.label());
            case "drain-deadline" -> svg.line(x, top, x, bottom, "stroke=\"" + Palette.DRAIN_EDGE
                    + "\" stroke-width=\"1.2\" stroke-dasharray=\"3,2\"", mark.label());
            default -> svg.line(x, top, x, bottom, "stroke=\"#555\"", mark.label());
        }
    }

    /** A downward triangle hanging from {@code top}. */
    static void triangle(Svg svg, double x, double top, String style, String title) {
        String d = "M" + Svg.num(x - 4) + " " + Svg.num(top) + "L" + Svg.num(x + 4) + " "
                + Svg.num(top) + "L" + Svg.num(x) + " " + Svg.num(top + 6) + "Z";
        svg.path(d, style, title);
    }

    static void cross(Svg svg, double x, double y, String colour, String title) {
        String d = "M" + Svg.num(x - 4) + " " + Svg.num(y - 4) + "L" + Svg.num(x + 4) + " "
                + Svg.num(y + 4) + "M" + Svg.num(x - 4) + " " + Svg.num(y + 4) + "L"
                + Svg.num(x + 4) + " " + Svg.num(y - 4);
        // A wide transparent stroke under the cross makes it easy to hover.
        svg.path(d, "stroke=\"#fff\" stroke-opacity=\"0.8\" stroke-width=\"4\"", null);
        svg.path(d, "stroke=\"" + colour + "\" stroke-width=\"2\"", title);
    }
}
