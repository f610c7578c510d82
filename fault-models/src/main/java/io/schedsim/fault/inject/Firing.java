package io.schedsim.fault.inject;

import java.util.List;

/** The result of trying to fire one action: what it touched, or why it did not act. */
record Firing(Result result, List<Integer> nodes, String detail) {
    enum Result { FIRED, SKIPPED, RECHECK }

    Firing {
        nodes = List.copyOf(nodes);
    }

    static Firing fired(List<Integer> nodes, String detail) {
        return new Firing(Result.FIRED, nodes, detail);
    }

    static Firing fired(int node, String detail) {
        return new Firing(Result.FIRED, List.of(node), detail);
    }

    static Firing clusterWide(String detail) {
        return new Firing(Result.FIRED, List.of(), detail);
    }

    static Firing skipped(List<Integer> nodes, String reason) {
        return new Firing(Result.SKIPPED, nodes, reason);
    }

    static Firing skipped(int node, String reason) {
        return new Firing(Result.SKIPPED, List.of(node), reason);
    }

    static Firing recheck(String reason) {
        return new Firing(Result.RECHECK, List.of(), reason);
    }
}
