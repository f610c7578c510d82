package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Occupancy;

/**
 * Draws a node's Ray task attempts over time as a filled area under a step line, one point per
 * pixel column holding the column's time-weighted mean, so ten thousand leases cost a thousand
 * points and a brief peak shows as what it was: brief. All lanes share one vertical scale.
 */
final class OccupancyBand {
    static final double HEIGHT = 16;

    private OccupancyBand() {}

    /** Draws {@code tasks} in {@code [top, top + HEIGHT]}; {@code attemptsScale} is the top. */
    static void draw(Svg svg, Occupancy tasks, Scale scale, double top, int attemptsScale,
            String title) {
        double bottom = top + HEIGHT;
        svg.line(scale.left(), bottom, scale.right(), bottom, "stroke=\"#c8d0d6\"", null);
        double[] means = columnMeans(tasks, scale);
        double columnWidth = scale.width() / means.length;
        StringBuilder d = new StringBuilder(means.length * 14);
        d.append('M').append(Svg.num(scale.left())).append(' ').append(Svg.num(bottom));
        for (int column = 0; column < means.length; column++) {
            double y = bottom - HEIGHT * Math.min(1, means[column] / Math.max(1, attemptsScale));
            double x = scale.left() + column * columnWidth;
            d.append('L').append(Svg.num(x)).append(' ').append(Svg.num(y)).append('L')
                    .append(Svg.num(x + columnWidth)).append(' ').append(Svg.num(y));
        }
        d.append('L').append(Svg.num(scale.right())).append(' ').append(Svg.num(bottom))
                .append('Z');
        svg.path(d.toString(), "fill=\"" + Palette.TASKS + "\" fill-opacity=\"0.75\"", title);
    }

    /**
     * The mean attempts over each one-pixel column of the window. A step holds its count from its
     * time to the next step's (the last one to the window's end); before the first step, none.
     */
    static double[] columnMeans(Occupancy tasks, Scale scale) {
        int columns = (int) Math.ceil(scale.width());
        double[] means = new double[columns];
        double spanMillis = scale.endMillis() - scale.startMillis();
        long[] at = tasks.atMillis();
        for (int i = 0; i < at.length; i++) {
            int attempts = tasks.attempts()[i];
            long from = Math.max(at[i], scale.startMillis());
            long to = i + 1 < at.length ? Math.min(at[i + 1], scale.endMillis())
                    : scale.endMillis();
            if (attempts == 0 || to <= from) {
                continue;
            }
            double x0 = (from - scale.startMillis()) / spanMillis * columns;
            double x1 = (to - scale.startMillis()) / spanMillis * columns;
            for (int column = (int) x0; column < columns && column < x1; column++) {
                double overlap = Math.min(x1, column + 1) - Math.max(x0, column);
                means[column] += attempts * overlap;
            }
        }
        return means;
    }
}
