/**
 * Client agents: the local allocation lifecycle (kept by the client as its own ground truth),
 * and the status and health reports that carry it to the servers.
 */
package io.schedsim.model.client;
