package io.schedsim.monitor.state;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * History ids to the state's dense indices. Producers number their nodes, jobs, allocations and
 * tasks from 0 without gaps to speak of, so ids below {@link #DENSE_LIMIT} map through an array
 * that grows to the largest id seen (one read per lookup, no hashing); any larger id, from a
 * history written elsewhere, goes to a hash map. -1 means "never introduced".
 */
final class IdIndex {
    /** Ids below this map through the array (at most 16 MiB of it). */
    static final long DENSE_LIMIT = 1L << 22;

    private int[] dense = filled(new int[16]);
    private Long2IntOpenHashMap sparse;

    int get(long id) {
        if (id >= 0 && id < dense.length) {
            return dense[(int) id];
        }
        if ((id >= 0 && id < DENSE_LIMIT) || sparse == null) {
            return -1;
        }
        return sparse.get(id);
    }

    void put(long id, int index) {
        if (id >= 0 && id < DENSE_LIMIT) {
            if (id >= dense.length) {
                int old = dense.length;
                dense = Arrays.copyOf(dense, (int) Math.max(id + 1, Math.min(DENSE_LIMIT,
                        2L * old)));
                Arrays.fill(dense, old, dense.length, -1);
            }
            dense[(int) id] = index;
            return;
        }
        if (sparse == null) {
            sparse = new Long2IntOpenHashMap();
            sparse.defaultReturnValue(-1);
        }
        sparse.put(id, index);
    }

    private static int[] filled(int[] array) {
        Arrays.fill(array, -1);
        return array;
    }
}
