package io.schedsim.fault.kind;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.Partition;
import io.schedsim.fault.plan.PartitionDirection;
import java.util.ArrayList;
import java.util.List;

/**
 * F-4 periodic network blackout (ray#58241, SC-13): every {@code intervalMillis} from
 * {@code startMillis}, a fresh uniform choice of {@code round(fraction × workers)} workers loses
 * all traffic to and from the servers for {@code blackoutMillis}.
 */
public final class BlackoutPlan {
    private BlackoutPlan() {}

    public static FaultPlan generate(SimRandom faults, List<Integer> workers, long startMillis,
            long endMillis, long intervalMillis, long blackoutMillis, double fraction) {
        if (intervalMillis <= 0 || blackoutMillis <= 0) {
            throw new IllegalArgumentException("interval and blackout must be > 0");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        int affectedCount = (int) Math.max(1, Math.round(fraction * workers.size()));
        List<FaultAction> blackouts = new ArrayList<>();
        for (long at = startMillis; at < endMillis && !workers.isEmpty(); at += intervalMillis) {
            List<Integer> affected = pickDistinct(faults, workers, affectedCount);
            blackouts.add(new Partition(at, blackoutMillis, affected, PartitionDirection.BOTH));
        }
        return new FaultPlan(blackouts);
    }

    /** {@code count} distinct elements of {@code from}, by a partial Fisher–Yates shuffle. */
    static List<Integer> pickDistinct(SimRandom random, List<Integer> from, int count) {
        List<Integer> pool = new ArrayList<>(from);
        int taken = Math.min(count, pool.size());
        for (int i = 0; i < taken; i++) {
            int j = i + random.nextInt(pool.size() - i);
            Integer swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, taken));
    }
}
