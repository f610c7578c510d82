package io.schedsim.cli.timeline;

import io.schedsim.cli.timeline.TimelineModel.Mark;
import io.schedsim.cli.timeline.TimelineModel.Span;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.node.NodeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one node's {@link NodeEvent}s into spans: status as the servers see it (initializing until
 * the first READY, down from DOWN to READY), ineligible periods, drains (set to complete, cancel or
 * the end of the run), and marks for deaths, restarts and joins.
 */
final class NodeHistory {
    private static final Pattern DEADLINE = Pattern.compile("deadline (\\d+) ms");

    final List<Span> status = new ArrayList<>();
    final List<Span> ineligible = new ArrayList<>();
    final List<Span> drains = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    /** True if anything beyond joining and the first READY happened. */
    boolean eventful;

    private final long endMillis;
    private String statusKind = "initializing";
    private String statusWhy = "";
    private long statusSince;
    private long ineligibleSince = -1;
    private String ineligibleWhy = "";
    private long drainSince = -1;
    private String drainDetail = "";

    NodeHistory(long joinedMillis, long endMillis) {
        this.statusSince = joinedMillis;
        this.endMillis = endMillis;
    }

    void add(NodeEvent event) {
        long at = SimTime.toMillis(event.atNanos());
        switch (event.kind()) {
            case READY -> changeStatus(at, "ready", "");
            case DOWN -> {
                changeStatus(at, "down", event.detail());
                eventful = true;
            }
            case DISCONNECTED -> {
                changeStatus(at, "disconnected", event.detail());
                eventful = true;
            }
            case INELIGIBLE -> {
                if (ineligibleSince < 0) {
                    ineligibleSince = at;
                    ineligibleWhy = event.detail();
                }
                eventful = true;
            }
            case ELIGIBLE -> closeIneligible(at);
            case DRAIN_SET -> {
                if (drainSince < 0) {
                    drainSince = at;
                    drainDetail = event.detail();
                    deadlineMark(at, event.detail());
                }
                eventful = true;
            }
            case DRAIN_COMPLETE -> closeDrain(at, "drain complete", event.detail());
            case DRAIN_CANCELED -> closeDrain(at, "drain canceled", event.detail());
            case HOST_TERMINATED -> kill(at, "host-terminated", "host terminated");
            case AGENT_KILLED -> kill(at, "agent-killed", "agent killed");
            case RESTARTED -> mark(at, "restarted", "restarted (" + event.detail() + ")");
            case JOINED -> mark(at, "joined", event.detail().isEmpty() ? "joined"
                    : "joined, " + event.detail());
            default -> throw new AssertionError(event.kind());
        }
    }

    /** Closes every open span at the end of the run. */
    NodeHistory finish() {
        closeStatus(endMillis);
        closeIneligible(endMillis);
        if (drainSince >= 0) {
            closeDrain(endMillis, "still draining at the end", "");
        }
        return this;
    }

    private void changeStatus(long at, String kind, String why) {
        if (kind.equals(statusKind)) {
            return;
        }
        closeStatus(at);
        statusKind = kind;
        statusWhy = why;
        statusSince = at;
    }

    private void closeStatus(long at) {
        if (at > statusSince) {
            String why = statusWhy.isEmpty() ? "" : " (" + statusWhy + ")";
            status.add(new Span(statusSince, at, statusKind, statusKind + why + " "
                    + TimeText.range(statusSince, at)));
        }
    }

    private void closeIneligible(long at) {
        if (ineligibleSince < 0) {
            return;
        }
        String why = ineligibleWhy.isEmpty() ? "" : " (" + ineligibleWhy + ")";
        ineligible.add(new Span(ineligibleSince, at, "ineligible", "ineligible" + why + " "
                + TimeText.range(ineligibleSince, at)));
        ineligibleSince = -1;
    }

    private void closeDrain(long at, String how, String detail) {
        if (drainSince < 0) {
            return;
        }
        boolean deadline = detail.contains("deadline_reached=true");
        String label = "drain (" + drainDetail + ") " + TimeText.range(drainSince, at) + ": "
                + how + (deadline ? ", deadline reached" : "");
        drains.add(new Span(drainSince, at, deadline ? "drain-deadline" : "drain", label));
        drainSince = -1;
    }

    private void deadlineMark(long at, String detail) {
        Matcher matcher = DEADLINE.matcher(detail);
        if (matcher.find()) {
            long deadline = at + Long.parseLong(matcher.group(1));
            if (deadline <= endMillis) {
                mark(deadline, "drain-deadline", "drain deadline at "
                        + TimeText.seconds(deadline));
            }
        }
    }

    private void kill(long at, String kind, String label) {
        mark(at, kind, label + " at " + TimeText.seconds(at));
        eventful = true;
    }

    private void mark(long at, String kind, String label) {
        marks.add(new Mark(at, kind, label));
    }
}
