package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.AllocBar;
import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Overview;
import io.schedsim.cli.timeline.TimelineModel.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link TimelineModel} as one SVG: title, legend, the violations in words, a time axis
 * in seconds, a cluster lane for cluster-wide faults and the heal phase, an overview of all nodes
 * when some have no lane, one lane per shown node, and a red line at every violation.
 */
public final class SvgTimeline {
    static final double WIDTH = 1200;
    static final double LABEL_WIDTH = 128;
    static final double RIGHT_MARGIN = 28;
    private static final int VIOLATION_LINES_MAX = 4;
    private static final int MESSAGE_CHARS_MAX = 175;
    private static final String LABEL = "font-size=\"11\" fill=\"#333\"";

    private final TimelineModel model;
    private final Panel panel;
    private final Scale scale;
    private final Svg svg = new Svg();

    /**
     * What one SVG shows of a model: a time window; the full header (title, summary, legend when
     * {@code legend}, the violations in words) when {@code heading} is null, else that one line;
     * and extra labelled lines ({@link Mark#kind()} is the label, e.g. "decisive action").
     */
    record Panel(long startMillis, long endMillis, String heading, boolean legend,
            List<Mark> lines) {}

    private SvgTimeline(TimelineModel model, Panel panel) {
        this.model = model;
        this.panel = panel;
        this.scale = new Scale(LABEL_WIDTH, WIDTH - LABEL_WIDTH - RIGHT_MARGIN,
                panel.startMillis(), panel.endMillis());
    }

    /** The whole run, with title, summary, legend and the violations in words. */
    public static String render(TimelineModel model) {
        return render(model, new Panel(0, model.endMillis(), null, true, List.of()));
    }

    /** The model's zoom window only, under a one-line heading; null if it has none. */
    public static String renderZoom(TimelineModel model) {
        TimelineModel.Window zoom = model.zoom();
        if (zoom == null) {
            return null;
        }
        List<Mark> lines = zoom.actionMillis() < 0 || zoom.actionMillis() == zoom.violationMillis()
                ? List.of() : List.of(new Mark(zoom.actionMillis(), "decisive action", zoom.why()));
        return render(model, new Panel(zoom.startMillis(), zoom.endMillis(), "Zoom: "
                + TimeText.range(zoom.startMillis(), zoom.endMillis()) + ", " + zoom.why(), false,
                lines));
    }

    static String render(TimelineModel model, Panel panel) {
        return new SvgTimeline(model, panel).draw();
    }

    private String draw() {
        svg.raw(Palette.defs());
        double y;
        if (panel.heading() == null) {
            svg.text(10, 22, model.title(), "font-size=\"16\" font-weight=\"bold\" "
                    + "fill=\"#111\"");
            y = 40;
            for (String line : model.summary()) {
                svg.text(10, y, line, LABEL);
                y += 15;
            }
            y = panel.legend() ? Legend.draw(svg, 10, WIDTH - 10, y + 2) + 4 : y;
            y = violationText(y);
        } else {
            svg.text(10, 18, panel.heading(), "font-size=\"13\" font-weight=\"bold\" "
                    + "fill=\"#111\"");
            y = 24;
        }
        boolean labels = !model.violations().isEmpty() || !panel.lines().isEmpty();
        double axisTop = y + (labels ? 30 : 14);
        double lanesTop = axisTop + 6;
        y = lanesTop;
        y = clusterLane(y);
        y = overview(y);
        LaneRenderer lanes = new LaneRenderer(scale, LaneRenderer.attemptsScale(model.lanes()));
        List<double[]> laneBands = new ArrayList<>();
        List<Runnable> drawLanes = new ArrayList<>();
        for (Lane lane : model.lanes()) {
            List<List<AllocBar>> rows = lanes.rows(lane);
            double top = y;
            double height = LaneRenderer.height(lane, rows.size());
            laneBands.add(new double[] {top, height});
            drawLanes.add(() -> {
                lanes.draw(svg, lane, rows, top);
                laneLabel(lane, rows, top);
            });
            y += height;
        }
        double bottom = Math.max(y, lanesTop + 10);
        grid(axisTop, bottom, laneBands);
        drawLanes.forEach(Runnable::run);
        violationLines(axisTop, bottom);
        panel.lines().forEach(line -> extraLine(line, axisTop, bottom));
        axisLabels(axisTop - 4);
        axisLabels(bottom + 13);
        double height = bottom + 24;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Svg.num(WIDTH)
                + "\" height=\"" + Svg.num(height) + "\" viewBox=\"0 0 " + Svg.num(WIDTH) + " "
                + Svg.num(height) + "\" " + Palette.FONT + ">\n<title>" + Svg.escape(model.title())
                + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + svg
                + "</svg>\n";
    }

    private double violationText(double y) {
        List<Mark> violations = model.violations();
        for (int i = 0; i < Math.min(VIOLATION_LINES_MAX, violations.size()); i++) {
            String text = violations.get(i).label();
            if (text.length() > MESSAGE_CHARS_MAX) {
                text = text.substring(0, MESSAGE_CHARS_MAX - 3) + "...";
            }
            svg.text(10, y + 11, text, "font-size=\"11.5\" font-weight=\"bold\" fill=\""
                    + Palette.VIOLATION + "\"");
            y += 15;
        }
        if (violations.size() > VIOLATION_LINES_MAX) {
            svg.text(10, y + 11, "... and " + (violations.size() - VIOLATION_LINES_MAX)
                    + " more violations (see the event log below)", LABEL);
            y += 15;
        }
        return y;
    }

    /** Background grid and alternating lane shading, drawn before the lanes. */
    private void grid(double axisTop, double bottom, List<double[]> laneBands) {
        for (int i = 0; i < laneBands.size(); i += 2) {
            double[] band = laneBands.get(i);
            svg.rect(scale.left(), band[0], scale.width(), band[1], "fill=\"#f7f7f7\"", null);
        }
        long step = scale.tickMillis();
        for (long t = scale.firstTickMillis(); t <= scale.endMillis(); t += step) {
            svg.line(scale.x(t), axisTop, scale.x(t), bottom, "stroke=\"" + Palette.GRID
                    + "\" stroke-width=\"1\"", null);
        }
        svg.line(scale.left(), axisTop, scale.right(), axisTop, "stroke=\"#888\"", null);
        svg.line(scale.left(), bottom, scale.right(), bottom, "stroke=\"#888\"", null);
        svg.line(scale.right(), axisTop, scale.right(), bottom, "stroke=\"#bbb\"", null);
    }

    private void axisLabels(double y) {
        long step = scale.tickMillis();
        for (long t = scale.firstTickMillis(); t <= scale.endMillis(); t += step) {
            svg.text(scale.x(t), y, Scale.label(t, step), "font-size=\"10.5\" fill=\"#555\" "
                    + "text-anchor=\"middle\"");
        }
    }

    private double clusterLane(double y) {
        boolean any = !model.clusterFaults().isEmpty() || !model.clusterMarks().isEmpty()
                || model.healAtMillis() >= 0;
        if (!any) {
            return y;
        }
        double height = 18;
        svg.text(10, y + 12, "cluster", "font-size=\"11\" font-weight=\"bold\" fill=\"#333\"");
        for (Span fault : model.clusterFaults()) {
            if (!scale.visible(fault.startMillis(), fault.endMillis())) {
                continue;
            }
            double x = scale.x(fault.startMillis());
            double width = scale.x(fault.endMillis()) - x;
            svg.rect(x, y + 2, width, height - 4, "fill=\"" + Palette.FAULT
                    + "\" fill-opacity=\"0.35\" stroke=\"" + Palette.FAULT + "\"", fault.label());
        }
        for (Mark mark : model.clusterMarks()) {
            if (!scale.visible(mark.atMillis(), mark.atMillis())) {
                continue;
            }
            Marks.draw(svg, mark, scale.x(mark.atMillis()), y + 2, y + height - 2, y + 9);
        }
        if (model.healAtMillis() >= 0
                && scale.visible(model.healAtMillis(), model.healAtMillis())) {
            double x = scale.x(model.healAtMillis());
            svg.line(x, y, x, y + height, "stroke=\"#238b45\" stroke-width=\"2\" "
                    + "stroke-dasharray=\"4,2\"", "heal phase at "
                    + TimeText.seconds(model.healAtMillis()) + ": every lasting fault lifted");
            svg.text(x + 3, y + 12, "heal", "font-size=\"10\" fill=\"#238b45\""
                    + anchor(x));
        }
        return y + height + 2;
    }

    private double overview(double y) {
        Overview overview = model.overview();
        if (overview == null) {
            return y;
        }
        svg.text(10, y + 11, model.hiddenNodes() + " of " + model.nodeCount()
                + " nodes have no lane (no status, eligibility or drain change, no lasting fault, "
                + "no allocation change); these strips count all " + model.nodeCount() + ":",
                "font-size=\"11\" font-style=\"italic\" fill=\"#555\"");
        y += 16;
        y = strip(y, "down", overview.down(), Palette.status("down"), overview.bucketMillis());
        y = strip(y, "ineligible", overview.ineligible(), "#e6550d", overview.bucketMillis());
        y = strip(y, "draining", overview.draining(), Palette.DRAIN_EDGE, overview.bucketMillis());
        return y + 6;
    }

    /** One heat strip: each bucket's opacity is its share of all nodes. */
    private double strip(double y, String what, int[] counts, String colour, long bucketMillis) {
        int max = 0;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        svg.text(10, y + 9, what + " (max " + max + ")", LABEL);
        svg.rect(scale.left(), y, scale.width(), 11, "fill=\"#fafafa\" stroke=\"#ddd\"", null);
        for (int i = 0; i < counts.length; i++) {
            long start = i * bucketMillis;
            if (counts[i] == 0 || !scale.visible(start, start + bucketMillis)) {
                continue;
            }
            double x = scale.x(start);
            double opacity = Math.max(0.12, counts[i] / (double) model.nodeCount());
            svg.rect(x, y, scale.x(start + bucketMillis) - x, 11, "fill=\"" + colour
                    + "\" fill-opacity=\"" + String.format(java.util.Locale.ROOT, "%.2f", opacity)
                    + "\"", counts[i] + " of " + model.nodeCount() + " nodes " + what + " around "
                    + TimeText.seconds(start + bucketMillis / 2));
        }
        return y + 14;
    }

    /** Right-aligns a label that would run past the plot's right edge. */
    private String anchor(double x) {
        return x > scale.right() - 60 ? " text-anchor=\"end\" dx=\"-6\"" : "";
    }

    private void laneLabel(Lane lane, List<List<AllocBar>> rows, double top) {
        String style = lane.flagged()
                ? "font-size=\"11\" font-weight=\"bold\" fill=\"" + Palette.VIOLATION + "\""
                : LABEL;
        svg.text(10, top + 12, lane.name(), style);
        if (LaneRenderer.hasTasks(lane)) {
            svg.text(10, top + LaneRenderer.ALLOCS_TOP + 12, "tasks, max " + lane.tasks()
                    .attemptsMax(), "font-size=\"9.5\" fill=\"" + Palette.TASKS + "\"");
        }
        int drawn = rows.stream().mapToInt(List::size).sum();
        // Bars outside a zoom's window are not drawn and not counted as hidden.
        long visible = lane.allocs().stream().filter(bar -> scale.visible(bar.createdMillis(),
                bar.endMillis())).count();
        long hidden = visible - drawn;
        if (hidden > 0) {
            svg.text(10, top + 24, "+" + hidden + " allocs not drawn", "font-size=\"9.5\" "
                    + "fill=\"#777\"");
        }
    }

    /** A dashed line the panel asked for: the decisive action, a divergence. */
    private void extraLine(Mark line, double axisTop, double bottom) {
        if (!scale.visible(line.atMillis(), line.atMillis())) {
            return;
        }
        double x = scale.x(line.atMillis());
        String colour = Palette.line(line.kind());
        svg.line(x, axisTop - 28, x, bottom, "stroke=\"" + colour + "\" stroke-width=\"2\" "
                + "stroke-dasharray=\"5,3\"", line.label());
        svg.text(x + 3, axisTop - 16, line.kind(), "font-size=\"11\" font-weight=\"bold\" "
                + "fill=\"" + colour + "\"" + anchor(x));
    }

    private void violationLines(double axisTop, double bottom) {
        for (Mark violation : model.violations()) {
            if (!scale.visible(violation.atMillis(), violation.atMillis())) {
                continue;
            }
            double x = scale.x(violation.atMillis());
            svg.line(x, axisTop - 28, x, bottom, "stroke=\"" + Palette.VIOLATION
                    + "\" stroke-width=\"2\" stroke-opacity=\"0.85\"", violation.label());
            svg.text(x + 3, axisTop - 16, violation.kind(), "font-size=\"11\" "
                    + "font-weight=\"bold\" fill=\"" + Palette.VIOLATION + "\"" + anchor(x));
        }
    }
}
