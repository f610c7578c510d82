package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Span;
import io.schedsim.cli.timeline.TimelineModel.Window;
import java.util.List;

/**
 * Finds the part of a run without violations worth drawing again at a larger scale: from its first
 * fault or node change to its last, padded, when that is under a fifth of the run. A failing run
 * is zoomed by {@link DecisiveWindow} instead.
 */
final class ZoomWindow {
    static final double SHARE_MAX = 0.2;
    static final long PAD_MILLIS_MIN = 200;

    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    private ZoomWindow() {}

    static Window find(List<Lane> lanes, List<Span> clusterFaults, List<Mark> clusterMarks,
            long endMillis) {
        ZoomWindow window = new ZoomWindow();
        for (Lane lane : lanes) {
            lane.faults().forEach(span -> window.include(span.startMillis()));
            lane.marks().forEach(mark -> window.include(mark.atMillis()));
            lane.drains().forEach(span -> window.include(span.startMillis()));
            lane.ineligible().forEach(span -> window.include(span.startMillis()));
            for (Span status : lane.status()) {
                if (status.kind().equals("down")) {
                    window.include(status.startMillis());
                }
            }
        }
        clusterFaults.forEach(span -> window.include(span.startMillis()));
        clusterMarks.forEach(mark -> window.include(mark.atMillis()));
        return window.window(endMillis, "where the run's changes happen");
    }

    private void include(long millis) {
        first = Math.min(first, millis);
        last = Math.max(last, millis);
    }

    private Window window(long endMillis, String why) {
        if (first == Long.MAX_VALUE || last - first > endMillis * SHARE_MAX) {
            return null;
        }
        long pad = Math.max(PAD_MILLIS_MIN, (last - first) / 5);
        long start = Math.max(0, first - pad);
        long end = Math.min(endMillis, last + pad);
        if (end - start > endMillis * SHARE_MAX * 1.5 || end <= start) {
            return null;
        }
        return new Window(start, end, -1, -1, why);
    }
}
