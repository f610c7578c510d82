/** Built-in scenarios, their knobs, and the run request/result records the CLI speaks. */
package io.schedsim.prop.scenario;
