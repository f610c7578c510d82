package io.schedsim.model.task;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * Children whose owner died while they ran but whose death no raylet has heard of yet
 * (RayWorkload's model choice 2): the owner's raylet was killed with it, so nobody reports
 * the worker's failure and the child's raylet learns only from the owner node's DEAD verdict
 * ({@code NodeRemoved}, R-10). Until then, its natural end or its own node's death, each keeps
 * its CPU, one record per orphan (its node, history id, attempt, the node incarnation it was
 * granted in, when its run ends, and its owner's node), so each holder's reservation is released
 * on its own (INV-17). Orphans are rare; lists in order of orphaning.
 */
final class Orphans {
    private final IntArrayList slots = new IntArrayList();
    private final LongArrayList tasks = new LongArrayList();
    private final IntArrayList attempts = new IntArrayList();
    private final IntArrayList incarnations = new IntArrayList();
    private final LongArrayList doneAtNanos = new LongArrayList();
    private final IntArrayList ownerSlots = new IntArrayList();

    void add(int slot, long task, int attempt, int incarnation, long doneAt, int ownerSlot) {
        ownerSlots.add(ownerSlot);
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

    int incarnation(int i) {
        return incarnations.getInt(i);
    }

    /** The node its dead owner ran on: its DEAD verdict kills the orphan. */
    int ownerSlot(int i) {
        return ownerSlots.getInt(i);
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
        ownerSlots.removeInt(i);
    }
}
