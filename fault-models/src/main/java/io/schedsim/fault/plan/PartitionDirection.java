package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which messages a {@link Partition} blocks between a node and the servers. */
public enum PartitionDirection {
    /** Symmetric: nothing passes either way. */
    @JsonProperty("both") BOTH(true, true),
    /** One-way: node→server messages (heartbeats, status updates) are dropped. */
    @JsonProperty("to-server") TO_SERVER(true, false),
    /** One-way: server→node messages (placements, health checks) are dropped. */
    @JsonProperty("from-server") FROM_SERVER(false, true);

    private final boolean toServerBlocked;
    private final boolean fromServerBlocked;

    PartitionDirection(boolean toServerBlocked, boolean fromServerBlocked) {
        this.toServerBlocked = toServerBlocked;
        this.fromServerBlocked = fromServerBlocked;
    }

    public boolean toServerBlocked() {
        return toServerBlocked;
    }

    public boolean fromServerBlocked() {
        return fromServerBlocked;
    }

    /** Kebab-case name used in descriptions. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
