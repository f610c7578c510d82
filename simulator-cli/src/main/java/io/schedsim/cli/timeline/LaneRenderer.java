package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.AllocBar;
import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one node lane: drains and fault windows as bands behind everything, a status strip
 * (ready, down, initializing), an ineligibility strip, allocation bars packed into rows, and the
 * instant marks on top. Allocation rows are bounded; the rest are counted in the lane label.
 */
final class LaneRenderer {
    static final int ALLOC_ROWS_MAX = 8;
    static final double MARKS_TOP = 1;
    static final double STATUS_TOP = 8;
    static final double STATUS_HEIGHT = 6;
    static final double INELIGIBLE_TOP = 15;
    static final double INELIGIBLE_HEIGHT = 4;
    static final double ALLOCS_TOP = 22;
    static final double ROW_HEIGHT = 7;
    static final double ROW_GAP = 2;

    private final Scale scale;
    /** The attempt count at the top of every lane's occupancy band. */
    private final int attemptsScale;

    LaneRenderer(Scale scale, int attemptsScale) {
        this.scale = scale;
        this.attemptsScale = attemptsScale;
    }

    /** The most attempts any lane had at once: the shared top of the bands. */
    static int attemptsScale(List<Lane> lanes) {
        int max = 0;
        for (Lane lane : lanes) {
            max = lane.tasks() == null ? max : Math.max(max, lane.tasks().attemptsMax());
        }
        return max;
    }

    /** True if the lane gets an occupancy band: Ray leases were recorded, some of them here. */
    static boolean hasTasks(Lane lane) {
        return lane.tasks() != null && lane.tasks().attemptsMax() > 0;
    }

    /** Where the allocation rows start: below the occupancy band, if there is one. */
    static double allocsTop(Lane lane) {
        return ALLOCS_TOP + (hasTasks(lane) ? OccupancyBand.HEIGHT + ROW_GAP : 0);
    }

    /** The rows of a lane's allocations: each row holds bars that do not overlap in pixels. */
    List<List<AllocBar>> rows(Lane lane) {
        List<List<AllocBar>> rows = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        List<AllocBar> bars = new ArrayList<>(lane.allocs());
        bars.sort((a, b) -> Long.compare(a.createdMillis(), b.createdMillis()));
        for (AllocBar bar : bars) {
            if (!scale.visible(bar.createdMillis(), bar.endMillis())) {
                continue;
            }
            double start = scale.x(bar.createdMillis());
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > start - 1.5) {
                row++;
            }
            if (row == ALLOC_ROWS_MAX) {
                continue;
            }
            if (row == rowEnds.size()) {
                rows.add(new ArrayList<>());
                rowEnds.add(0.0);
            }
            rows.get(row).add(bar);
            rowEnds.set(row, end(bar));
        }
        return rows;
    }

    static double height(Lane lane, int rows) {
        return Math.max(26, allocsTop(lane) + rows * (ROW_HEIGHT + ROW_GAP) + 3);
    }

    void draw(Svg svg, Lane lane, List<List<AllocBar>> rows, double top) {
        double bottom = top + height(lane, rows.size());
        for (Span drain : visible(lane.drains())) {
            band(svg, drain, top + 1, bottom - 1, "fill=\"" + Palette.DRAIN + "\"");
            if (drain.kind().equals("drain-deadline")) {
                double x = scale.x(drain.endMillis());
                svg.line(x, top + 1, x, bottom - 1, "stroke=\"" + Palette.DRAIN_EDGE
                        + "\" stroke-width=\"2.5\"", drain.label());
            }
        }
        for (Span fault : visible(lane.faults())) {
            band(svg, fault, top + 1, bottom - 1, "fill=\"" + Palette.FAULT
                    + "\" fill-opacity=\"0.16\"");
            svg.rect(scale.x(fault.startMillis()), bottom - 3, width(fault), 2,
                    "fill=\"" + Palette.FAULT + "\"", fault.label());
        }
        for (Span status : visible(lane.status())) {
            svg.rect(scale.x(status.startMillis()), top + STATUS_TOP, width(status),
                    STATUS_HEIGHT, "fill=\"" + Palette.status(status.kind()) + "\"",
                    lane.name() + ": " + status.label());
        }
        for (Span ineligible : visible(lane.ineligible())) {
            svg.rect(scale.x(ineligible.startMillis()), top + INELIGIBLE_TOP, width(ineligible),
                    INELIGIBLE_HEIGHT, "fill=\"url(#inel)\"", lane.name() + ": "
                    + ineligible.label());
        }
        if (hasTasks(lane)) {
            OccupancyBand.draw(svg, lane.tasks(), scale, top + ALLOCS_TOP, attemptsScale,
                    lane.name() + ": Ray task attempts leased there, up to "
                    + lane.tasks().attemptsMax() + " at once (band top: " + attemptsScale
                    + ", the most on any node)");
        }
        for (int row = 0; row < rows.size(); row++) {
            double y = top + allocsTop(lane) + row * (ROW_HEIGHT + ROW_GAP);
            for (AllocBar bar : rows.get(row)) {
                alloc(svg, bar, y);
            }
        }
        for (Mark mark : lane.marks()) {
            if (scale.visible(mark.atMillis(), mark.atMillis())) {
                Marks.draw(svg, mark, scale.x(mark.atMillis()), top + MARKS_TOP, bottom - 1,
                        top + STATUS_TOP + STATUS_HEIGHT / 2);
            }
        }
    }

    private void alloc(Svg svg, AllocBar bar, double y) {
        String colour = Palette.job(bar.jobType());
        double start = scale.x(bar.createdMillis());
        double end = end(bar);
        double running = bar.runningMillis() < 0 ? end : scale.x(bar.runningMillis());
        svg.rect(start, y, running - start, ROW_HEIGHT, "fill=\"" + colour
                + "\" fill-opacity=\"0.3\"", bar.label());
        if (bar.runningMillis() >= 0) {
            svg.rect(running, y, end - running, ROW_HEIGHT, "fill=\"" + colour + "\"",
                    bar.label());
        }
        if (bar.outcome().equals("lost")) {
            svg.rect(running, y, end - running, ROW_HEIGHT, "fill=\"url(#lost)\" "
                    + "fill-opacity=\"0.55\"", bar.label());
        }
        String cap = Palette.outcomeCap(bar.outcome());
        if (cap != null) {
            svg.rect(end - 2.5, y - 1, 2.5, ROW_HEIGHT + 2, "fill=\"" + cap + "\"", bar.label());
        } else if (bar.endMillis() == AllocBar.OPEN) {
            String d = "M" + Svg.num(end) + " " + Svg.num(y - 1) + "L" + Svg.num(end + 5) + " "
                    + Svg.num(y + ROW_HEIGHT / 2) + "L" + Svg.num(end) + " "
                    + Svg.num(y + ROW_HEIGHT + 1) + "Z";
            svg.path(d, "fill=\"" + colour + "\"", bar.label());
        }
    }

    private double end(AllocBar bar) {
        double start = scale.x(bar.createdMillis());
        double end = bar.endMillis() == AllocBar.OPEN ? scale.right() : scale.x(bar.endMillis());
        return Math.max(end, start + 3);
    }

    private List<Span> visible(List<Span> spans) {
        List<Span> shown = new ArrayList<>(spans.size());
        for (Span span : spans) {
            if (scale.visible(span.startMillis(), span.endMillis())) {
                shown.add(span);
            }
        }
        return shown;
    }

    private double width(Span span) {
        return scale.x(span.endMillis()) - scale.x(span.startMillis());
    }

    private void band(Svg svg, Span span, double top, double bottom, String style) {
        svg.rect(scale.x(span.startMillis()), top, width(span), bottom - top, style,
                span.label());
    }
}
