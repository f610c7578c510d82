/**
 * Scenarios: the {@link io.schedsim.prop.scenario.Scenario} SPI, knobs and typed configs, the
 * runner every built-in and custom scenario shares, and the result records the CLI prints.
 */
package io.schedsim.prop.scenario;
