package io.schedsim.model.config;

/** Which built-in placement policy ranks feasible nodes. */
public enum PlacementKind {
    BIN_PACK,
    SPREAD,
    RAY_HYBRID
}
