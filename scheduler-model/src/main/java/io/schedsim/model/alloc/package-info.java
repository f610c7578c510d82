/** Allocation statuses (desired, client, health) and their transition table. */
package io.schedsim.model.alloc;
