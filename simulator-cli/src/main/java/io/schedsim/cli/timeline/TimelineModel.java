package io.schedsim.cli.timeline;

import java.util.List;

/**
 * Everything a timeline shows, in simulated milliseconds: one lane per shown node, the cluster-wide
 * faults, the violations, and (when nodes are hidden) per-bucket counts over all nodes. Built by
 * {@link TimelineBuilder}; drawn by {@link SvgTimeline} and exported by {@link PerfettoTrace}.
 *
 * @param hiddenNodes nodes without a lane (folded into {@link #overview}), 0 when all are shown
 * @param healAtMillis when the heal phase ran, or -1
 * @param zoom a short window drawn again below: for a failing run, the decisive one; or null
 */
public record TimelineModel(String title, List<String> summary, long endMillis,
        List<Lane> lanes, int nodeCount, int hiddenNodes, Overview overview,
        List<Span> clusterFaults, List<Mark> clusterMarks, List<Mark> violations,
        long healAtMillis, Window zoom, List<String> log) {

    /** This model under another title (a diff names its runs A and B). */
    public TimelineModel withTitle(String newTitle) {
        return new TimelineModel(newTitle, summary, endMillis, lanes, nodeCount, hiddenNodes,
                overview, clusterFaults, clusterMarks, violations, healAtMillis, zoom, log);
    }

    /**
     * A part of the run worth a closer look (null when the whole run is the story), padded around
     * what it is about: for a failing run, from the decisive action to the violation.
     *
     * @param actionMillis when the decisive fault or operator action happened, or -1
     * @param violationMillis when the violation happened, or -1 for a run without one
     */
    public record Window(long startMillis, long endMillis, long actionMillis,
            long violationMillis, String why) {}

    /** A time interval on a lane: {@code kind} picks the colour, {@code label} is hover text. */
    public record Span(long startMillis, long endMillis, String kind, String label) {}

    /** An instant on a lane (a kill, an instant fault, a violation). */
    public record Mark(long atMillis, String kind, String label) {}

    /**
     * One allocation: pending from {@code createdMillis}, running from {@code runningMillis} (-1 if
     * it never ran), until {@code endMillis} ({@link #OPEN} if it still runs at the end).
     *
     * @param replacement true if it replaces an earlier allocation (migration, loss, reschedule)
     */
    public record AllocBar(long createdMillis, long runningMillis, long endMillis, String jobType,
            String outcome, boolean replacement, String label) {
        public static final long OPEN = Long.MAX_VALUE;
    }

    /**
     * One node: server-side status (ready, down, initializing), ineligible periods, drains, the
     * faults that touched it, instant marks, and its allocations.
     *
     * @param flagged true if a violation names this node
     * @param tasks the Ray task attempts leased here over time, or null if none were recorded
     */
    public record Lane(int node, String name, List<Span> status, List<Span> ineligible,
            List<Span> drains, List<Span> faults, List<Mark> marks, List<AllocBar> allocs,
            boolean flagged, Occupancy tasks) {}

    /**
     * Ray task attempts leased on one node, as steps: from {@code atMillis[i]} on,
     * {@code attempts[i]} of them (a parent blocked in {@code get} on its child counts, as Ray's
     * state API shows it running). Empty when none ran there.
     *
     * @param attemptsMax the most at any one time
     */
    public record Occupancy(long[] atMillis, int[] attempts, int attemptsMax) {
        public Occupancy {
            if (atMillis.length != attempts.length) {
                throw new IllegalArgumentException("steps " + atMillis.length + " != counts "
                        + attempts.length);
            }
        }

        /** The attempts at {@code millis}: the last step at or before it, 0 before the first. */
        public int at(long millis) {
            int low = 0;
            int high = atMillis.length - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (atMillis[middle] <= millis) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return found < 0 ? 0 : attempts[found];
        }
    }

    /**
     * Node counts per time bucket over all nodes, shown when not every node has a lane: down,
     * ineligible and draining nodes at the middle of each bucket.
     */
    public record Overview(long bucketMillis, int[] down, int[] ineligible, int[] draining) {}
}
