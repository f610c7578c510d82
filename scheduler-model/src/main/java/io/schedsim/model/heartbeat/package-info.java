/** Failure detection: Nomad TTL heartbeats and Ray pull health checks behind one interface. */
package io.schedsim.model.heartbeat;
