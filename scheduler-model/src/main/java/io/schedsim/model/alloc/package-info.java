/** Allocations: server and client status, desired transitions, health, and their table. */
package io.schedsim.model.alloc;
