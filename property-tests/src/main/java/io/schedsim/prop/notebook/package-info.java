/**
 * A small fluent API over the scenario catalog for jshell notebooks: build a run
 * ({@link io.schedsim.prop.notebook.Scenarios}), run one seed or many, read results and merged
 * latencies, and print plain-text tables. Cold path: plain objects, no effort spent on speed.
 */
package io.schedsim.prop.notebook;
