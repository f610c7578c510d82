/** The control-plane network: message delays, drops and partitions, all seeded. */
package io.schedsim.model.net;
