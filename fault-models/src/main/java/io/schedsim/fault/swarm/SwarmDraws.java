package io.schedsim.fault.swarm;

import io.schedsim.core.random.SimRandom;
import java.util.ArrayList;
import java.util.List;

/** The draws one fault kind makes: times in the window, durations, counts, target nodes. */
final class SwarmDraws {
    private final SimRandom random;
    private final SwarmSpec spec;
    private final List<Integer> workers;

    SwarmDraws(SimRandom random, SwarmSpec spec) {
        this.random = random;
        this.spec = spec;
        this.workers = spec.workers();
    }

    SwarmSpec spec() {
        return spec;
    }

    List<Integer> workers() {
        return workers;
    }

    /** Uniform in {@code [minInclusive, maxInclusive]}. */
    int count(int minInclusive, int maxInclusive) {
        return minInclusive + random.nextInt(maxInclusive - minInclusive + 1);
    }

    boolean chance(double probability) {
        return random.chance(probability);
    }

    /** Uniform in {@code [minInclusive, maxExclusive)}. */
    long uniform(long minInclusive, long maxExclusive) {
        return random.uniformLong(minInclusive, maxExclusive);
    }

    /** Uniform in {@code [min, max)}, rounded to two decimals so plans read well. */
    double uniform2(double min, double max) {
        double value = min + random.nextDouble() * (max - min);
        return Math.round(value * 100) / 100.0;
    }

    /** A uniform instant of the fault window. */
    long atMillis() {
        return spec.windowStartMillis() + random.nextLong(spec.windowMillis());
    }

    /** A uniform instant in {@code [fromMillis, fromMillis + spreadMillis)}, inside the window. */
    long near(long fromMillis, long spreadMillis) {
        return Math.min(fromMillis + random.nextLong(spreadMillis), spec.windowEndMillis() - 1);
    }

    /**
     * A duration in {@code [min, max)}, held within the spec's ranges, cut so that the fault ends
     * inside the window.
     */
    long duration(long atMillis, long minMillis, long maxMillis) {
        long drawn = spec.ranges().clampDuration(uniform(minMillis, maxMillis));
        return Math.max(1, Math.min(drawn, spec.windowEndMillis() - atMillis));
    }

    int worker() {
        return workers.get(random.nextInt(workers.size()));
    }

    /** Between 1 and {@code countMax} distinct workers (partial Fisher–Yates). */
    List<Integer> someWorkers(int countMax) {
        int count = count(1, Math.max(1, Math.min(countMax, workers.size())));
        List<Integer> pool = new ArrayList<>(workers);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Integer swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, count));
    }

    int pick() {
        return random.nextInt(Integer.MAX_VALUE);
    }
}
