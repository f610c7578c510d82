package io.schedsim.core.event;

/**
 * Handles every event of one kind. Handlers run one at a time and to completion, on the
 * simulation's single thread; they read the clock from the simulation and may schedule or cancel
 * events. {@code entity} and {@code payload} are whatever the scheduling code put there.
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(int entity, long payload);
}
