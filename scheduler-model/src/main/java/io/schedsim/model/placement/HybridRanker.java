package io.schedsim.model.placement;

import io.schedsim.core.check.Check;
import io.schedsim.core.random.SimRandom;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The arithmetic of Ray's hybrid policy (R-12; ray:src/ray/raylet/scheduling/policy/
 * hybrid_scheduling_policy.cc) over plain node facts, so that it can be tested without a cluster.
 *
 * <p>Candidates for a request of {@code c} milli-CPU are the nodes that are schedulable (ALIVE, not
 * DRAINING) and can take it now ({@code free ≥ c}: available implies feasible). Their score is
 * CPU utilisation, truncated to 0 below the spread threshold, and they are ordered by (score,
 * slot), as Ray sorts by node id and then stable-sorts by score. The preferred node wins if it is a
 * candidate and its score is ≤ the best; otherwise one of the first {@code k = max(topKAbsolute,
 * floor(nodes × topKFraction))} candidates is drawn uniformly, where {@code nodes} counts every
 * node not DEAD (Ray's {@code nodes_.size()}). With no candidate the answer is -1: the task waits.
 *
 * <p>Model choices: scores are quantised to {@code 1/}{@value #LEVELS} (level =
 * {@code floor(used × 1024 / total)}), so nodes whose utilisations differ by less than that tie
 * and are ordered by slot; for nodes of at most 1,024 CPU units the levels are exact. Only CPU
 * counts as a critical resource (tasks request nothing else). One ranked set is kept per distinct
 * request size (a workload has one or two), each updated in O(log n) when a node changes.
 */
final class HybridRanker {
    /** Score quantum: levels 0..LEVELS. */
    static final int LEVELS = 1024;

    private final double spreadThreshold;
    private final double topKFraction;
    private final int topKAbsolute;
    private final SimRandom random;

    private int slotCapacity;
    private boolean[] notDead;
    private boolean[] schedulable;
    private long[] cpuTotalMilli;
    private long[] cpuUsedMilli;
    private int notDeadCount;

    private long[] indexCpuMilli = new long[0];
    private RankedNodeSet[] indexes = new RankedNodeSet[0];
    /** Per request size: the feasible nodes, busy or not; built on the first busy pick. */
    private long[] feasibleCpuMilli = new long[0];
    private RankedNodeSet[] feasibleIndexes = new RankedNodeSet[0];
    /**
     * Slots changed since the feasible indexes were last brought up to date: busy picks are
     * rare beside node changes (every reservation and release), so those indexes are re-ranked
     * only when a busy pick needs them, at most once per changed slot.
     */
    private final IntArrayList feasibleStale = new IntArrayList();
    private boolean[] feasibleStaleFlag;

    HybridRanker(double spreadThreshold, double topKFraction, int topKAbsolute, SimRandom random,
            int initialSlotCapacity) {
        Check.that(topKAbsolute >= 1, "top-k absolute must be ≥ 1", topKAbsolute);
        Check.that(topKFraction >= 0 && topKFraction <= 1, "top-k fraction outside [0, 1]");
        this.spreadThreshold = spreadThreshold;
        this.topKFraction = topKFraction;
        this.topKAbsolute = topKAbsolute;
        this.random = random;
        this.slotCapacity = Math.max(16, initialSlotCapacity);
        notDead = new boolean[slotCapacity];
        schedulable = new boolean[slotCapacity];
        cpuTotalMilli = new long[slotCapacity];
        cpuUsedMilli = new long[slotCapacity];
        feasibleStaleFlag = new boolean[slotCapacity];
    }

    /** Records a node's current facts and re-ranks it in every index. */
    void update(int slot, boolean alive, boolean isSchedulable, long totalMilli, long usedMilli) {
        if (slot >= slotCapacity) {
            grow(slot);
        }
        if (notDead[slot] != alive) {
            notDeadCount += alive ? 1 : -1;
            notDead[slot] = alive;
        }
        schedulable[slot] = alive && isSchedulable;
        cpuTotalMilli[slot] = totalMilli;
        cpuUsedMilli[slot] = usedMilli;
        for (int i = 0; i < indexes.length; i++) {
            rank(indexes[i], indexCpuMilli[i], slot);
        }
        if (feasibleIndexes.length > 0 && !feasibleStaleFlag[slot]) {
            feasibleStaleFlag[slot] = true;
            feasibleStale.add(slot);
        }
    }

    /** True if some node can take a request of {@code cpuMilli} now; draws nothing. */
    boolean anyAvailable(long cpuMilli) {
        return indexFor(cpuMilli).size() > 0;
    }

    /**
     * Ray's second tier, for when no node can take the request now: among the feasible nodes
     * (schedulable, total ≥ the request) ranked the same way, the preferred node if it is one
     * and scores no worse than the best, else one of the top k drawn from {@code draws}; -1 if
     * none is feasible. Call it only when {@link #anyAvailable} is false: then every
     * feasible node is busy, as Ray's {@code feasible_and_unavailable_nodes} are.
     */
    int pickFeasible(int preferredSlot, long cpuMilli, SimRandom draws) {
        for (int i = 0; i < feasibleStale.size(); i++) {
            int slot = feasibleStale.getInt(i);
            feasibleStaleFlag[slot] = false;
            for (int j = 0; j < feasibleIndexes.length; j++) {
                rankFeasible(feasibleIndexes[j], feasibleCpuMilli[j], slot);
            }
        }
        feasibleStale.clear();
        RankedNodeSet set = feasibleIndexFor(cpuMilli);
        return pick(set, preferredSlot, draws);
    }

    /** The chosen slot for a request of {@code cpuMilli}, or -1 if no node can take it now. */
    int pick(int preferredSlot, long cpuMilli) {
        return pick(indexFor(cpuMilli), preferredSlot, random);
    }

    private int pick(RankedNodeSet set, int preferredSlot, SimRandom draws) {
        int candidates = set.size();
        if (candidates == 0) {
            return -1;
        }
        if (preferredSlot >= 0 && set.contains(preferredSlot)
                && set.levelOf(preferredSlot) <= set.minLevel()) {
            return preferredSlot;
        }
        int n = Math.min(topK(), candidates);
        return set.select(n == 1 ? 0 : draws.nextInt(n));
    }

    /** Ray's k: {@code max(topKAbsolute, floor(nodes not DEAD × topKFraction))}. */
    int topK() {
        return Math.max(topKAbsolute, (int) (notDeadCount * topKFraction));
    }

    /** Number of nodes not DEAD; the base of top-k. */
    int notDeadCount() {
        return notDeadCount;
    }

    /** Score level of a node with these facts (0 below the spread threshold). */
    int level(long totalMilli, long usedMilli) {
        if (totalMilli <= 0) {
            return LEVELS;
        }
        if ((double) usedMilli < spreadThreshold * (double) totalMilli) {
            return 0;
        }
        if (usedMilli >= totalMilli) {
            return LEVELS;
        }
        return usedMilli <= 0 ? 0 : floorLevel(totalMilli, usedMilli);
    }

    /**
     * {@code floor(used × LEVELS / total)} for {@code 0 < used < total}, without a 64-bit
     * division (tens of cycles, on every reservation and release): a double estimate, corrected
     * to the exact floor by integer checks ({@code used × LEVELS} stays far below 2^63 for any
     * real capacity; below 2^53 the estimate is off by at most one).
     */
    private static int floorLevel(long totalMilli, long usedMilli) {
        long scaled = usedMilli * LEVELS;
        long level = (long) ((double) scaled / (double) totalMilli);
        while (level * totalMilli > scaled) {
            level--;
        }
        while ((level + 1) * totalMilli <= scaled) {
            level++;
        }
        return (int) level;
    }

    private void rank(RankedNodeSet set, long requestMilli, int slot) {
        long total = cpuTotalMilli[slot];
        long used = cpuUsedMilli[slot];
        if (schedulable[slot] && total - used >= requestMilli && total >= requestMilli) {
            set.put(slot, level(total, used));
        } else {
            set.remove(slot);
        }
    }

    private void rankFeasible(RankedNodeSet set, long requestMilli, int slot) {
        long total = cpuTotalMilli[slot];
        if (schedulable[slot] && total >= requestMilli) {
            set.put(slot, level(total, cpuUsedMilli[slot]));
        } else {
            set.remove(slot);
        }
    }

    private RankedNodeSet feasibleIndexFor(long cpuMilli) {
        for (int i = 0; i < feasibleIndexes.length; i++) {
            if (feasibleCpuMilli[i] == cpuMilli) {
                return feasibleIndexes[i];
            }
        }
        RankedNodeSet set = new RankedNodeSet(LEVELS + 1, slotCapacity);
        for (int slot = 0; slot < slotCapacity; slot++) {
            rankFeasible(set, cpuMilli, slot);
        }
        int n = feasibleIndexes.length;
        feasibleIndexes = Arrays.copyOf(feasibleIndexes, n + 1);
        feasibleCpuMilli = Arrays.copyOf(feasibleCpuMilli, n + 1);
        feasibleIndexes[n] = set;
        feasibleCpuMilli[n] = cpuMilli;
        return set;
    }

    private RankedNodeSet indexFor(long cpuMilli) {
        for (int i = 0; i < indexes.length; i++) {
            if (indexCpuMilli[i] == cpuMilli) {
                return indexes[i];
            }
        }
        // Cold path: the first request of a new size builds its index from the node facts.
        RankedNodeSet set = new RankedNodeSet(LEVELS + 1, slotCapacity);
        for (int slot = 0; slot < slotCapacity; slot++) {
            rank(set, cpuMilli, slot);
        }
        int n = indexes.length;
        indexes = Arrays.copyOf(indexes, n + 1);
        indexCpuMilli = Arrays.copyOf(indexCpuMilli, n + 1);
        indexes[n] = set;
        indexCpuMilli[n] = cpuMilli;
        return set;
    }

    private void grow(int slot) {
        int capacity = slotCapacity;
        while (capacity <= slot) {
            capacity *= 2;
        }
        notDead = Arrays.copyOf(notDead, capacity);
        schedulable = Arrays.copyOf(schedulable, capacity);
        cpuTotalMilli = Arrays.copyOf(cpuTotalMilli, capacity);
        cpuUsedMilli = Arrays.copyOf(cpuUsedMilli, capacity);
        feasibleStaleFlag = Arrays.copyOf(feasibleStaleFlag, capacity);
        slotCapacity = capacity;
    }
}
