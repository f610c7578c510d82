/**
 * Guards of failure detection: Nomad TTL timers (INV-11), Ray health checks (INV-12, R-7), no
 * false positives with exact excuses (INV-13), and the chaos killer's limits (INV-20). Ground
 * truth comes from the harness's fault events; the servers' view from status events.
 */
package io.schedsim.monitor.detect;
