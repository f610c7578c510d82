package io.schedsim.model.task;

import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;

/**
 * What one lease of the workload holds on its node: the request's CPU, memory and custom
 * resource, reserved and released together through the state store (INV-17). A
 * CPU-only request takes the store's plain path, so runs without shaped requests are unchanged.
 */
final class LeaseResources {
    private final StateStore state;
    private final RayRequest request;
    private final boolean cpuOnly;

    LeaseResources(StateStore state, RayRequest request) {
        this.state = state;
        this.request = request;
        this.cpuOnly = request.memMb() == 0 && request.resourceMilli() == 0;
    }

    RayRequest request() {
        return request;
    }

    /** True if the node's free amounts take one more lease now. */
    boolean fitsNow(Node node) {
        return cpuOnly ? node.cpuFreeMilli() >= request.cpuMilli() : request.availableOn(node);
    }

    void reserve(Node node) {
        if (cpuOnly) {
            state.reserve(node, request.cpuMilli(), 0);
        } else {
            state.reserveRay(node, request.cpuMilli(), request.memMb(), request.resource(),
                    request.resourceMilli());
        }
    }

    /** Releases {@code leases} leases' worth at once (a node's death frees them together). */
    void release(Node node, int leases) {
        if (leases <= 0) {
            return;
        }
        if (cpuOnly) {
            state.release(node, leases * request.cpuMilli(), 0);
        } else {
            state.releaseRay(node, leases * request.cpuMilli(), leases * request.memMb(),
                    request.resource(), leases * request.resourceMilli());
        }
    }
}
