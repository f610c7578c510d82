package io.schedsim.fault.inject;

/** One effect on one node, or cluster-wide ({@link #CLUSTER}); ordered for deterministic heal. */
record Channel(Effect effect, int node) implements Comparable<Channel> {
    static final int CLUSTER = -1;

    static Channel cluster(Effect effect) {
        return new Channel(effect, CLUSTER);
    }

    @Override
    public int compareTo(Channel other) {
        int byEffect = effect.compareTo(other.effect);
        return byEffect != 0 ? byEffect : Integer.compare(node, other.node);
    }
}
