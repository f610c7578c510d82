package io.schedsim.monitor.ray;

import io.schedsim.history.ActorState;
import io.schedsim.history.AttemptState;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * The {@link ActorGuard}'s own record of actors, built from their events alone: settings, state,
 * node, restarts counted and free, and per task (by sequence number) its attempts, its last
 * attempt's state and its failures. Rows are indexed in creation order; ids resolve through a
 * hash map that is never iterated.
 */
final class ActorTable {
    /** One actor's row. */
    static final class Row {
        final long id;
        final int maxRestarts;
        final int maxTaskRetries;
        /** Null until the first actor-state-changed. */
        ActorState state;
        /** Node index of an ALIVE actor, else -1. */
        int node = -1;
        int countedRestarts;
        int freeRestarts;
        /** The lowest sequence number not yet ended (FINISHED, or FAILED past its retries). */
        int lowestOpen;
        int submitted;
        boolean[] known = new boolean[16];
        int[] attempts = new int[16];
        AttemptState[] last = new AttemptState[16];
        int[] failures = new int[16];
        boolean[] finished = new boolean[16];

        Row(long id, int maxRestarts, int maxTaskRetries) {
            this.id = id;
            this.maxRestarts = maxRestarts;
            this.maxTaskRetries = maxTaskRetries;
        }

        void grow(int seq) {
            if (seq < known.length) {
                return;
            }
            int size = Math.max(seq + 1, known.length * 2);
            known = Arrays.copyOf(known, size);
            attempts = Arrays.copyOf(attempts, size);
            last = Arrays.copyOf(last, size);
            failures = Arrays.copyOf(failures, size);
            finished = Arrays.copyOf(finished, size);
        }

        boolean submitted(int seq) {
            return seq < known.length && known[seq];
        }

        /** FINISHED, or FAILED with no retry left under a finite max_task_retries. */
        boolean ended(int seq) {
            if (finished[seq]) {
                return true;
            }
            return last[seq] == AttemptState.FAILED && maxTaskRetries >= 0
                    && failures[seq] > maxTaskRetries;
        }

        void advanceOpen() {
            while (lowestOpen < known.length && known[lowestOpen] && ended(lowestOpen)) {
                lowestOpen++;
            }
        }
    }

    private final Long2IntOpenHashMap index = new Long2IntOpenHashMap();
    final ObjectArrayList<Row> rows = new ObjectArrayList<>();

    ActorTable() {
        index.defaultReturnValue(-1);
    }

    /** The row of actor {@code id}, or null. */
    Row row(long id) {
        int i = index.get(id);
        return i < 0 ? null : rows.get(i);
    }

    /** Adds actor {@code id}; false if it exists already. */
    boolean create(long id, int maxRestarts, int maxTaskRetries) {
        if (index.containsKey(id)) {
            return false;
        }
        index.put(id, rows.size());
        rows.add(new Row(id, maxRestarts, maxTaskRetries));
        return true;
    }
}
