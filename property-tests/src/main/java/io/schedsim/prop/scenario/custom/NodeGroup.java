package io.schedsim.prop.scenario.custom;

/**
 * Nodes of one shape in a custom scenario: how many, their CPU and memory, and whether they are
 * heads (Ray's 0-CPU driver node: never a target of destructive faults).
 */
public record NodeGroup(int count, long cpuMilli, long memMb, boolean head) {
    public NodeGroup {
        if (count < 1) {
            throw new IllegalArgumentException("a node group has at least one node: " + count);
        }
        if (cpuMilli < 0 || memMb < 0) {
            throw new IllegalArgumentException("negative CPU or memory: " + this);
        }
    }
}
