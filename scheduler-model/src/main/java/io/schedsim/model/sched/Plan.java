package io.schedsim.model.sched;

import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scheduler worker wants committed for one evaluation: stops, allocations to mark lost,
 * placements, and follow-ups. The plan applier re-validates placements at commit (N-23).
 */
public final class Plan {
    /** A new allocation of {@code job} on {@code node}, replacing {@code previousAlloc} or -1. */
    public record Placement(Job job, int node, int previousAlloc, int rescheduleAttempts) {}

    /** A stop of {@code alloc} with Nomad's reason text. */
    public record Stop(Alloc alloc, String reason) {}

    public final Evaluation eval;
    public final long plannedAtNanos;
    public final int leaderEpoch;
    public final List<Stop> stops = new ArrayList<>();
    public final List<Alloc> lost = new ArrayList<>();
    /** Allocations on a disconnected node that turn unknown (N-30). */
    public final List<Alloc> unknown = new ArrayList<>();
    public final List<Placement> placements = new ArrayList<>();
    /** Allocations of an older job version updated in place to the current one (N-36). */
    public final List<Alloc> inPlace = new ArrayList<>();
    /** Placements the scheduler could not fit anywhere: the eval blocks until capacity changes. */
    public int unplaced;
    /** Earliest time a delayed reschedule is due, or -1 (a follow-up eval, N-34). */
    public long followUpAtNanos = -1;

    public Plan(Evaluation eval, long plannedAtNanos, int leaderEpoch) {
        this.eval = eval;
        this.plannedAtNanos = plannedAtNanos;
        this.leaderEpoch = leaderEpoch;
    }

    public boolean isEmpty() {
        return stops.isEmpty() && lost.isEmpty() && unknown.isEmpty() && placements.isEmpty()
                && inPlace.isEmpty();
    }
}
