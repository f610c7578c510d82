package io.schedsim.monitor.state;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * Ray custom resources (R-12, R-14: {@code ray start --resources}), from node-resource-set:
 * each name interned to a small id in the order the history first names it (a node's or a
 * task's), and per id the capacity of every node index in thousandths of a unit. A node without
 * an event for a resource has none of it. Names are looked up only when a node or a task is
 * configured; every judgement after that reads arrays by id. Written only by {@link State}.
 */
public final class CustomResources {
    private static final long[] NONE = new long[0];

    private final Object2IntOpenHashMap<String> idByName = new Object2IntOpenHashMap<>();
    private final ObjectArrayList<String> names = new ObjectArrayList<>();
    /** By resource id, by node index: capacity in thousandths of a unit. */
    private long[][] capacityMilli = new long[4][];

    CustomResources() {
        idByName.defaultReturnValue(-1);
    }

    /** The id of resource {@code name}, interning it if the history never named it yet. */
    int intern(String name) {
        int r = idByName.getInt(name);
        if (r >= 0) {
            return r;
        }
        r = names.size();
        names.add(name);
        idByName.put(name, r);
        if (r == capacityMilli.length) {
            capacityMilli = Arrays.copyOf(capacityMilli, r * 2);
        }
        capacityMilli[r] = NONE;
        return r;
    }

    /** A node-resource-set: node index {@code n} has {@code amountMilli} of resource r. */
    void set(int r, int n, long amountMilli) {
        long[] byNode = capacityMilli[r];
        if (n >= byNode.length) {
            byNode = Arrays.copyOf(byNode, Math.max(n + 1, byNode.length * 2));
            capacityMilli[r] = byNode;
        }
        byNode[n] = amountMilli;
    }

    /** Capacity of resource {@code r} on node index {@code n}; 0 without one, or for r = -1. */
    public long capacityMilli(int r, int n) {
        if (r < 0) {
            return 0;
        }
        long[] byNode = capacityMilli[r];
        return n < byNode.length ? byNode[n] : 0;
    }

    /** The name of resource id {@code r}. */
    public String name(int r) {
        return names.get(r);
    }

    /** How many resource names the history used. */
    public int count() {
        return names.size();
    }
}
