package io.schedsim.model.task;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Children whose owner died while they ran (RayWorkload's model choice 2): each keeps its CPU on
 * its node until its run ends or its node dies, one record per orphan (its node, history id,
 * attempt, the node incarnation it was granted in, and when its run ends), so each holder's
 * reservation is released on its own (INV-17). Orphans are rare; lists in order of orphaning.
 */
final class Orphans {
    private final IntArrayList slots = new IntArrayList();
    private final LongArrayList tasks = new LongArrayList();
    private final IntArrayList attempts = new IntArrayList();
    private final IntArrayList incarnations = new IntArrayList();
    private final LongArrayList doneAtNanos = new LongArrayList();

    void add(int slot, long task, int attempt, int incarnation, long doneAt) {
        slots.add(slot);
        tasks.add(task);
        attempts.add(attempt);
        incarnations.add(incarnation);
        doneAtNanos.add(doneAt);
    }

    int size() {
        return slots.size();
    }

    int slot(int i) {
        return slots.getInt(i);
    }

    long task(int i) {
        return tasks.getLong(i);
    }

    int attempt(int i) {
        return attempts.getInt(i);
    }

    /** Orphans held on node {@code slot}. */
    int countOn(int slot) {
        int count = 0;
        for (int i = 0; i < slots.size(); i++) {
            count += slots.getInt(i) == slot ? 1 : 0;
        }
        return count;
    }

    /** The orphan on {@code slot}, granted in {@code incarnation}, whose run ends now; or -1. */
    int endingNow(int slot, int incarnation, long nowNanos) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.getInt(i) == slot && incarnations.getInt(i) == incarnation
                    && doneAtNanos.getLong(i) == nowNanos) {
                return i;
            }
        }
        return -1;
    }

    void remove(int i) {
        slots.removeInt(i);
        tasks.removeLong(i);
        attempts.removeInt(i);
        incarnations.removeInt(i);
        doneAtNanos.removeLong(i);
    }
}
