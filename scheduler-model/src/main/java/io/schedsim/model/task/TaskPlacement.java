package io.schedsim.model.task;

import io.schedsim.model.placement.RayRequest;
import io.schedsim.model.placement.RayStrategy;
import java.util.Objects;

/**
 * What a workload's tasks ask of placement beyond their CPU: memory in MiB (Ray's
 * logical {@code memory}), at most one custom resource in thousandths of a unit, and a
 * scheduling strategy; {@code targetSlot} and {@code soft} belong to NODE_AFFINITY. Every task of
 * the workload, outer and child, asks the same: a workload is one of Ray's scheduling classes.
 * {@link #NONE} is CPU only under DEFAULT, as every workload was before.
 */
public record TaskPlacement(long memMb, String resource, long resourceMilli,
        RayStrategy strategy, int targetSlot, boolean soft) {
    public static final TaskPlacement NONE =
            new TaskPlacement(0, "", 0, RayStrategy.DEFAULT, -1, false);

    public TaskPlacement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(strategy, "strategy");
        // The request's own checks, with a CPU the workload supplies later.
        new RayRequest(0, memMb, resource, resourceMilli, strategy, targetSlot, soft);
    }

    /** SPREAD with no other request. */
    public static TaskPlacement spread() {
        return new TaskPlacement(0, "", 0, RayStrategy.SPREAD, -1, false);
    }

    /** NODE_AFFINITY to {@code targetSlot}, soft or hard, with no other request. */
    public static TaskPlacement affinity(int targetSlot, boolean soft) {
        return new TaskPlacement(0, "", 0, RayStrategy.NODE_AFFINITY, targetSlot, soft);
    }

    /** This placement also asking for {@code memMb} of memory. */
    public TaskPlacement withMemory(long memMb) {
        return new TaskPlacement(memMb, resource, resourceMilli, strategy, targetSlot, soft);
    }

    /** This placement also asking for {@code amountMilli} thousandths of {@code name}. */
    public TaskPlacement withResource(String name, long amountMilli) {
        return new TaskPlacement(memMb, name, amountMilli, strategy, targetSlot, soft);
    }

    /** True if the tasks ask for CPU only under DEFAULT. */
    public boolean none() {
        return equals(NONE);
    }

    /** The request of one task of {@code cpuMilli}. */
    public RayRequest request(long cpuMilli) {
        return new RayRequest(cpuMilli, memMb, resource, resourceMilli, strategy, targetSlot,
                soft);
    }
}
