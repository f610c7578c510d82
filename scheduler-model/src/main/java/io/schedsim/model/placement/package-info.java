/** Placement policies: Nomad bin-pack and spread, Ray's hybrid policy. */
package io.schedsim.model.placement;
