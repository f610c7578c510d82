package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a {@link TerminateInstance} picks its victim among the eligible workers at fire time. */
public enum VictimRule {
    /** The first eligible worker in node-slot order: the Ray chaos killer's choice (SC-1). */
    @JsonProperty("first") FIRST,
    /** The eligible worker at index {@code victimPick mod count}; the plan holds the pick. */
    @JsonProperty("random") RANDOM,
    /** The node slot {@code victimPick}, if it is eligible at fire time. */
    @JsonProperty("slot") SLOT;

    /** Lower-case name used in descriptions. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
