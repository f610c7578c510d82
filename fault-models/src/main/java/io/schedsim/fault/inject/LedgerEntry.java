package io.schedsim.fault.inject;

import io.schedsim.fault.plan.TimeText;

/**
 * One line of the fault timeline.
 *
 * @param actionIndex index of the action in the plan, or {@link #NO_ACTION} for the heal phase
 * @param node the node slot acted on, or {@link #NO_NODE} for cluster-wide faults
 */
public record LedgerEntry(long timeMillis, int actionIndex, String kind, int node,
        Outcome outcome, String detail) {
    public static final int NO_NODE = -1;
    public static final int NO_ACTION = -1;

    /** e.g. {@code t=61.234s #0 terminate-instance node=3 fired: victim first of 8}. */
    public String describe() {
        String where = node == NO_NODE ? "" : " node=" + node;
        String index = actionIndex == NO_ACTION ? "" : " #" + actionIndex;
        String text = detail.isEmpty() ? "" : ": " + detail;
        return "t=" + TimeText.seconds(timeMillis) + index + " " + kind + where + " "
                + outcome.label() + text;
    }
}
