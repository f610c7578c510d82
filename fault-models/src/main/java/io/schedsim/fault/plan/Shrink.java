package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Shared simplification steps and validation for the action records. Each step returns only
 * values that lower the matching complexity component, and stops at a floor, so shrinking ends.
 */
final class Shrink {
    /** Durations are not halved below this; shorter faults rarely matter. */
    static final long DURATION_FLOOR_MILLIS = 100;
    /** Probabilities are not halved below this. */
    static final double PROBABILITY_FLOOR = 0.01;
    /** Complexity charged for a fault that lasts until heal. */
    static final long UNTIL_HEAL_COMPLEXITY = 1_000_000_000_000L;

    private Shrink() {}

    /** Windows {at, duration} that are shorter: first half, and later start with the same end. */
    static List<long[]> shorterWindows(long atMillis, long durationMillis) {
        List<long[]> windows = new ArrayList<>(2);
        boolean untilHeal = durationMillis == FaultAction.UNTIL_HEAL;
        if (untilHeal || durationMillis / 2 < DURATION_FLOOR_MILLIS) {
            return windows;
        }
        long half = durationMillis / 2;
        windows.add(new long[] {atMillis, half});
        windows.add(new long[] {atMillis + half, durationMillis - half});
        return windows;
    }

    static long durationComplexity(long durationMillis) {
        return durationMillis == FaultAction.UNTIL_HEAL ? UNTIL_HEAL_COMPLEXITY : durationMillis;
    }

    /** Node lists with one node removed, for lists of two or more nodes. */
    static List<List<Integer>> fewerNodes(List<Integer> nodes) {
        List<List<Integer>> fewer = new ArrayList<>();
        if (nodes.size() < 2) {
            return fewer;
        }
        for (int i = 0; i < nodes.size(); i++) {
            List<Integer> copy = new ArrayList<>(nodes);
            copy.remove(i);
            fewer.add(List.copyOf(copy));
        }
        return fewer;
    }

    /** True if halving {@code probability} stays above the floor. */
    static boolean canHalve(double probability) {
        return probability / 2 >= PROBABILITY_FLOOR;
    }

    /** Parts per million, at least 1 for any positive probability. */
    static long probabilityComplexity(double probability) {
        return probability <= 0 ? 0 : Math.max(1, Math.round(probability * 1_000_000));
    }

    /** Canonical node list: sorted, distinct, non-negative, non-empty. */
    static List<Integer> canonicalNodes(List<Integer> nodes) {
        if (nodes == null || nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes must not be empty");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer node : nodes) {
            requireNode(node == null ? -1 : node, false);
            sorted.add(node);
        }
        return List.copyOf(sorted);
    }

    static void requireTime(long atMillis) {
        if (atMillis < 0 || atMillis > FaultAction.TIME_MILLIS_MAX) {
            throw new IllegalArgumentException("atMillis must be within [0, "
                    + FaultAction.TIME_MILLIS_MAX + "]: " + atMillis);
        }
    }

    static void requireDuration(long durationMillis) {
        if (durationMillis == FaultAction.UNTIL_HEAL) {
            return;
        }
        if (durationMillis <= 0 || durationMillis > FaultAction.TIME_MILLIS_MAX) {
            throw new IllegalArgumentException("durationMillis must be within [1, "
                    + FaultAction.TIME_MILLIS_MAX + "] or UNTIL_HEAL (-1): " + durationMillis);
        }
    }

    /** A span of time that may be negative (a clock jump) but stays far from overflow. */
    static void requireSpan(long millis, String name) {
        if (Math.abs(millis) > FaultAction.TIME_MILLIS_MAX || millis == Long.MIN_VALUE) {
            throw new IllegalArgumentException(name + " must be within [-"
                    + FaultAction.TIME_MILLIS_MAX + ", " + FaultAction.TIME_MILLIS_MAX + "]: "
                    + millis);
        }
    }

    static void requireNode(int node, boolean anyAllowed) {
        if (node < 0 && !(anyAllowed && node == FaultAction.ANY_NODE)) {
            throw new IllegalArgumentException("node must be a slot >= 0: " + node);
        }
    }

    static void requireProbability(double probability, String name) {
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + probability);
        }
    }

    static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }
}
