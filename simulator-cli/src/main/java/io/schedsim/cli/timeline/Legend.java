package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Mark;
import java.util.List;

/** The legend: one swatch and a word for every colour and mark the timeline uses. */
final class Legend {
    private static final double ITEM_GAP = 16;
    private static final double SWATCH_WIDTH = 18;
    private static final double CHAR_WIDTH = 6.2;
    static final double ROW_HEIGHT = 16;

    private record Item(String kind, String key, String label) {}

    private static final List<Item> ITEMS = List.of(
            new Item("status", "ready", "ready"),
            new Item("status", "down", "down (server view)"),
            new Item("status", "initializing", "initializing"),
            new Item("ineligible", "", "ineligible"),
            new Item("drain", "", "draining"),
            new Item("drain-deadline", "", "deadline reached"),
            new Item("mark", "drain-deadline", "drain deadline"),
            new Item("fault-window", "", "fault window"),
            new Item("mark", "fault", "instant fault"),
            new Item("mark", "skipped", "skipped fault"),
            new Item("mark", "host-terminated", "host terminated"),
            new Item("mark", "agent-killed", "agent killed"),
            new Item("mark", "restarted", "restart / join"),
            new Item("job", "service", "service"),
            new Item("job", "batch", "batch"),
            new Item("job", "system", "system"),
            new Item("job", "sysbatch", "sysbatch"),
            new Item("pending", "", "pending"),
            new Item("cap", "complete", "complete"),
            new Item("cap", "failed", "failed"),
            new Item("lost", "", "lost"),
            new Item("cap", "stopped", "stopped"),
            new Item("open", "", "running at end"),
            new Item("tasks", "", "Ray task attempts"),
            new Item("violation", "", "violation"));

    private Legend() {}

    /** Draws the legend from {@code top} within {@code [left, right]}; returns its bottom. */
    static double draw(Svg svg, double left, double right, double top) {
        double x = left;
        double y = top;
        for (Item item : ITEMS) {
            double width = SWATCH_WIDTH + 5 + item.label().length() * CHAR_WIDTH;
            if (x + width > right) {
                x = left;
                y += ROW_HEIGHT;
            }
            swatch(svg, item, x, y);
            svg.text(x + SWATCH_WIDTH + 5, y + 9, item.label(), "font-size=\"11\" fill=\"#333\"");
            x += width + ITEM_GAP;
        }
        return y + ROW_HEIGHT;
    }

    private static void swatch(Svg svg, Item item, double x, double y) {
        double mid = x + SWATCH_WIDTH / 2;
        switch (item.kind()) {
            case "status" -> svg.rect(x, y + 2, SWATCH_WIDTH, 6, "fill=\""
                    + Palette.status(item.key()) + "\"", null);
            case "ineligible" -> svg.rect(x, y + 3, SWATCH_WIDTH, 4, "fill=\"url(#inel)\"", null);
            case "drain" -> svg.rect(x, y, SWATCH_WIDTH, 11, "fill=\"" + Palette.DRAIN + "\"",
                    null);
            case "drain-deadline" -> {
                svg.rect(x, y, SWATCH_WIDTH, 11, "fill=\"" + Palette.DRAIN + "\"", null);
                svg.line(x + SWATCH_WIDTH - 1, y, x + SWATCH_WIDTH - 1, y + 11, "stroke=\""
                        + Palette.DRAIN_EDGE + "\" stroke-width=\"2.5\"", null);
            }
            case "fault-window" -> {
                svg.rect(x, y, SWATCH_WIDTH, 11, "fill=\"" + Palette.FAULT
                        + "\" fill-opacity=\"0.16\"", null);
                svg.rect(x, y + 9, SWATCH_WIDTH, 2, "fill=\"" + Palette.FAULT + "\"", null);
            }
            case "mark" -> Marks.draw(svg, new Mark(0, item.key(), item.label()), mid, y + 1,
                    y + 11, y + 5);
            case "job" -> svg.rect(x, y + 2, SWATCH_WIDTH, 7, "fill=\""
                    + Palette.job(item.key()) + "\"", null);
            case "pending" -> svg.rect(x, y + 2, SWATCH_WIDTH, 7, "fill=\""
                    + Palette.job("service") + "\" fill-opacity=\"0.3\"", null);
            case "cap" -> {
                svg.rect(x, y + 2, SWATCH_WIDTH, 7, "fill=\"" + Palette.job("service") + "\"",
                        null);
                svg.rect(x + SWATCH_WIDTH - 2.5, y + 1, 2.5, 9, "fill=\""
                        + Palette.outcomeCap(item.key()) + "\"", null);
            }
            case "lost" -> {
                svg.rect(x, y + 2, SWATCH_WIDTH, 7, "fill=\"" + Palette.job("service") + "\"",
                        null);
                svg.rect(x, y + 2, SWATCH_WIDTH, 7, "fill=\"url(#lost)\" fill-opacity=\"0.55\"",
                        null);
            }
            case "open" -> {
                svg.rect(x, y + 2, SWATCH_WIDTH - 5, 7, "fill=\"" + Palette.job("service")
                        + "\"", null);
                svg.path("M" + Svg.num(x + SWATCH_WIDTH - 5) + " " + Svg.num(y + 1) + "L"
                        + Svg.num(x + SWATCH_WIDTH) + " " + Svg.num(y + 5.5) + "L"
                        + Svg.num(x + SWATCH_WIDTH - 5) + " " + Svg.num(y + 10) + "Z",
                        "fill=\"" + Palette.job("service") + "\"", null);
            }
            case "tasks" -> svg.path("M" + Svg.num(x) + " " + Svg.num(y + 10) + "L" + Svg.num(x)
                    + " " + Svg.num(y + 5) + "L" + Svg.num(x + 6) + " " + Svg.num(y + 5) + "L"
                    + Svg.num(x + 6) + " " + Svg.num(y + 1) + "L" + Svg.num(x + 12) + " "
                    + Svg.num(y + 1) + "L" + Svg.num(x + 12) + " " + Svg.num(y + 7) + "L"
                    + Svg.num(x + SWATCH_WIDTH) + " " + Svg.num(y + 7) + "L"
                    + Svg.num(x + SWATCH_WIDTH) + " " + Svg.num(y + 10) + "Z", "fill=\""
                    + Palette.TASKS + "\" fill-opacity=\"0.75\"", null);
            case "violation" -> svg.line(mid, y - 1, mid, y + 12, "stroke=\""
                    + Palette.VIOLATION + "\" stroke-width=\"2\"", null);
            default -> throw new AssertionError(item.kind());
        }
    }
}
