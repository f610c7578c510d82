/** Client agents: local allocation lifecycle, status and health reports. */
package io.schedsim.model.client;
