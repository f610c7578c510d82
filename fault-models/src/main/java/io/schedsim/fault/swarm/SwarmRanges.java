package io.schedsim.fault.swarm;

/**
 * Bounds on what the swarm draws for each kind it switches on: how many nodes its destructive
 * faults may take down, and how long a timed fault (partition, heartbeat loss, slow tasks, ...)
 * may last. {@link #DEFAULT} bounds nothing beyond the generator's own ranges, so a plan drawn
 * with it is the plan drawn before these bounds existed, action for action.
 *
 * @param killsMax host losses, and agent kills, at most this many each (and never every worker)
 * @param durationMillisMin a timed fault lasts at least this long (still cut at the window's end)
 * @param durationMillisMax a timed fault lasts at most this long
 */
public record SwarmRanges(int killsMax, long durationMillisMin, long durationMillisMax) {
    /** The generator's own ranges: 2 kills, durations as each kind draws them. */
    public static final SwarmRanges DEFAULT = new SwarmRanges(2, 1, Long.MAX_VALUE);

    public SwarmRanges {
        if (killsMax < 0) {
            throw new IllegalArgumentException("killsMax must be >= 0: " + killsMax);
        }
        if (durationMillisMin < 1 || durationMillisMax < durationMillisMin) {
            throw new IllegalArgumentException("durations must satisfy 1 <= min <= max: ["
                    + durationMillisMin + ", " + durationMillisMax + "]");
        }
    }

    public SwarmRanges withKillsMax(int kills) {
        return new SwarmRanges(kills, durationMillisMin, durationMillisMax);
    }

    public SwarmRanges withDurationMillis(long min, long max) {
        return new SwarmRanges(killsMax, min, max);
    }

    /** {@code drawnMillis} held within the bounds. */
    long clampDuration(long drawnMillis) {
        return Math.max(durationMillisMin, Math.min(durationMillisMax, drawnMillis));
    }
}
