package io.schedsim.cli.timeline;

import java.util.Map;

/** Colours and fill styles of every kind of span, bar and mark, shared by lanes and legend. */
final class Palette {
    static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";
    static final String VIOLATION = "#d62728";
    static final String GRID = "#e3e3e3";
    static final String FAULT = "#ff7f0e";
    static final String DRAIN = "#dbe9f6";
    static final String DRAIN_EDGE = "#4a84c4";
    static final String INELIGIBLE = "#fdae6b";
    /** Ray task occupancy: a slate that no job type or status uses. */
    static final String TASKS = "#5b7083";
    static final String DIVERGENCE = "#7b1fa2";

    private static final Map<String, String> STATUS = Map.of(
            "ready", "#74c476", "down", "#de2d26", "initializing", "#c7c7c7");
    private static final Map<String, String> JOB = Map.of(
            "service", "#3182bd", "batch", "#8e6cc0", "system", "#17a2b8", "sysbatch", "#a0722d");
    private static final Map<String, String> OUTCOME = Map.of(
            "complete", "#252525", "failed", "#de2d26", "lost", "#000000", "stopped", "#8c8c8c");

    private Palette() {}

    /** Colour of a panel's extra line: the decisive action (fault orange), a divergence. */
    static String line(String kind) {
        return kind.startsWith("divergen") ? DIVERGENCE : "#c05a00";
    }

    static String status(String kind) {
        return STATUS.getOrDefault(kind, "#c7c7c7");
    }

    static String job(String type) {
        return JOB.getOrDefault(type, "#7f7f7f");
    }

    /** Colour of the end cap of an allocation bar; null for running and pending allocations. */
    static String outcomeCap(String outcome) {
        return OUTCOME.get(outcome);
    }

    /** Shared pattern definitions: hatching for lost allocations and ineligible periods. */
    static String defs() {
        return "<defs>\n"
                + "<pattern id=\"lost\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"4\" "
                + "fill=\"#000\"/></pattern>\n"
                + "<pattern id=\"inel\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\""
                + INELIGIBLE + "\"/><rect width=\"2\" height=\"5\" fill=\"#e6550d\"/></pattern>\n"
                + "</defs>\n";
    }
}
