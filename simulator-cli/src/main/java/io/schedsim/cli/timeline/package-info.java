/**
 * The {@code --timeline} picture of a run (a self-contained HTML page with one SVG) and its
 * {@code --perfetto} export: node lanes over simulated time with status, eligibility, drains,
 * allocations, Ray task occupancy, fault windows and violations, built from the final cluster, its
 * node events, the fault ledger and (when a picture is asked for) a lease recorder. A failing run
 * is zoomed on its decisive window ({@link io.schedsim.cli.timeline.DecisiveWindow}). Past
 * {@link io.schedsim.cli.timeline.TimelineBuilder#LANES_MAX} nodes only the eventful ones get a
 * lane and an overview counts the rest.
 */
package io.schedsim.cli.timeline;
