package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.AllocBar;
import io.schedsim.cli.timeline.TimelineModel.Lane;
import io.schedsim.cli.timeline.TimelineModel.Overview;
import io.schedsim.cli.timeline.TimelineModel.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which nodes get a lane. Up to {@code lanesMax} nodes all do; beyond that the most eventful ones
 * do (named by a violation, touched by a fault, down, drained or ineligible, with lost or failed
 * allocations), in slot order, and an {@link Overview} counts every node per time bucket, so a
 * thousand-node run stays a readable picture rather than a wall of lanes.
 */
record LaneSelection(List<Lane> shown, Overview overview) {
    static final int BUCKETS = 240;
    static final int QUIET_LANES_MAX = 12;

    static LaneSelection choose(List<Lane> lanes, List<NodeHistory> histories, int lanesMax,
            long endMillis) {
        if (lanes.size() <= lanesMax) {
            return new LaneSelection(lanes, null);
        }
        List<Lane> ranked = new ArrayList<>(lanes);
        ranked.sort(Comparator.comparingLong((Lane lane) -> -score(lane, histories))
                .thenComparingInt(lane -> -lane.marks().size()).thenComparingInt(Lane::node));
        List<Lane> shown = new ArrayList<>();
        for (Lane lane : ranked) {
            if (shown.size() == lanesMax) {
                break;
            }
            // Quiet nodes fill in only a few lanes; the overview counts all of them.
            if (score(lane, histories) > 0 || shown.size() < QUIET_LANES_MAX) {
                shown.add(lane);
            }
        }
        shown.sort(Comparator.comparingInt(Lane::node));
        return new LaneSelection(shown, overview(lanes, endMillis));
    }

    /**
     * Major reasons to show a node (a violation names it, its status, eligibility or drain
     * changed, a lasting fault touched it, an allocation on it ended or replaced another)
     * outweigh any number of instant faults; a node with only instant faults counts as quiet.
     */
    static long score(Lane lane, List<NodeHistory> histories) {
        long score = lane.flagged() ? 1_000_000_000L : 0;
        score += histories.get(lane.node()).eventful ? 1_000_000 : 0;
        score += 10_000L * lane.faults().size();
        for (AllocBar alloc : lane.allocs()) {
            boolean ended = !alloc.outcome().equals("running");
            score += ended || alloc.replacement() ? 100 : 0;
        }
        return score;
    }

    private static Overview overview(List<Lane> lanes, long endMillis) {
        long bucket = Math.max(1, (endMillis + BUCKETS - 1) / BUCKETS);
        int buckets = (int) Math.min(BUCKETS, (endMillis + bucket - 1) / bucket);
        int[] down = new int[buckets];
        int[] ineligible = new int[buckets];
        int[] draining = new int[buckets];
        for (Lane lane : lanes) {
            for (Span span : lane.status()) {
                if (span.kind().equals("down")) {
                    count(down, span, bucket);
                }
            }
            lane.ineligible().forEach(span -> count(ineligible, span, bucket));
            lane.drains().forEach(span -> count(draining, span, bucket));
        }
        return new Overview(bucket, down, ineligible, draining);
    }

    /** Adds one to every bucket whose middle lies within the span. */
    private static void count(int[] counts, Span span, long bucket) {
        for (int i = 0; i < counts.length; i++) {
            long middle = i * bucket + bucket / 2;
            if (middle >= span.startMillis() && middle < span.endMillis()) {
                counts[i]++;
            }
        }
    }
}
