package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The operator drain call a {@link Drain} makes (N-1, N-2). */
public enum DrainOp {
    /** {@code node drain -enable}: sets the strategy, or updates it if one is set (N-4). */
    @JsonProperty("set") SET,
    /** {@code node drain -disable}, with or without {@code -keep-ineligible}. */
    @JsonProperty("cancel") CANCEL
}
