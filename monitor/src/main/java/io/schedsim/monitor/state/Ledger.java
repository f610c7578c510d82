package io.schedsim.monitor.state;

import io.schedsim.history.ResourcesReleased;
import io.schedsim.history.ResourcesReserved;
import java.util.Arrays;

/**
 * The reservations the history reports, by holder (an allocation, or a task attempt) and summed
 * per node index. The sums follow every reported reserve and release, as the model's own node
 * usage would; the holder records let INV-17 tie each reservation to its owner's life. A task's
 * custom resource is in no reservation event: its attempt holds it from its lease
 * until its reservation is released, the moments its CPU is held, so it is added when a task
 * slot turns live and taken off when it stops being live. Written only by {@link State}.
 */
public final class Ledger {
    private final IdIndex allocSlot = new IdIndex();
    private final IdIndex taskSlot = new IdIndex();
    private int slots;
    private int[] slotNode = new int[32];
    private long[] slotCpu = new long[32];
    private long[] slotMem = new long[32];
    private int[] slotAttempt = new int[32];
    private boolean[] slotLive = new boolean[32];
    /** Per slot: the custom resource id its holder holds while live, or -1, and how much. */
    private int[] slotResource = new int[32];
    private long[] slotResourceMilli = new long[32];
    private long[] nodeCpu = new long[16];
    private long[] nodeMem = new long[16];
    private long[] nodeTaskCpu = new long[16];
    /** By custom resource id, by node index: thousandths of a unit held by live task slots. */
    private long[][] nodeResourceMilli = new long[0][];

    /** The holder slot of a reserve or release event, or -1 if the holder never reserved. */
    public int slotOf(int alloc, long task) {
        return alloc >= 0 ? allocSlot.get(alloc) : taskSlot.get(task);
    }

    /** The slot of allocation {@code allocId}, or -1. */
    public int allocSlot(int allocId) {
        return allocSlot.get(allocId);
    }

    /** The slot of task {@code taskId}, or -1. */
    public int taskSlot(long taskId) {
        return taskSlot.get(taskId);
    }

    public boolean live(int slot) {
        return slot >= 0 && slotLive[slot];
    }

    public int node(int slot) {
        return slotNode[slot];
    }

    public long cpuMilli(int slot) {
        return slotCpu[slot];
    }

    public long memMb(int slot) {
        return slotMem[slot];
    }

    /** The attempt a task slot holds for. */
    public int attempt(int slot) {
        return slotAttempt[slot];
    }

    /** Milli-CPU the history says is reserved on node index {@code n}. */
    public long cpuOn(int n) {
        return n < nodeCpu.length ? nodeCpu[n] : 0;
    }

    public long memOn(int n) {
        return n < nodeMem.length ? nodeMem[n] : 0;
    }

    /**
     * Thousandths of custom resource {@code r} held on node index {@code n} by attempts whose
     * reservation is live; 0 for r = -1.
     */
    public long resourceOn(int r, int n) {
        if (r < 0 || r >= nodeResourceMilli.length) {
            return 0;
        }
        long[] byNode = nodeResourceMilli[r];
        return n < byNode.length ? byNode[n] : 0;
    }

    /** Milli-CPU reserved on node index {@code n} by task attempts. */
    public long taskCpuOn(int n) {
        return n < nodeTaskCpu.length ? nodeTaskCpu[n] : 0;
    }

    /**
     * Records a reservation; {@code resource} and {@code resourceMilli} are the custom resource
     * a task holder's task asks for (-1 and 0 for none, and for an allocation).
     */
    void reserve(ResourcesReserved e, int n, int resource, long resourceMilli) {
        int slot = slotOf(e.alloc(), e.task());
        if (slot < 0) {
            slot = newSlot();
            if (e.alloc() >= 0) {
                allocSlot.put(e.alloc(), slot);
            } else {
                taskSlot.put(e.task(), slot);
            }
        }
        if (!slotLive[slot]) {
            slotCpu[slot] = 0;
            slotMem[slot] = 0;
            slotResource[slot] = resource;
            slotResourceMilli[slot] = resourceMilli;
            addResource(resource, n, resourceMilli);
        }
        slotLive[slot] = true;
        slotNode[slot] = n;
        slotCpu[slot] += e.cpuMilli();
        slotMem[slot] += e.memMb();
        slotAttempt[slot] = e.attempt();
        add(n, e.cpuMilli(), e.memMb(), e.task() >= 0);
    }

    void release(ResourcesReleased e, int n) {
        int slot = slotOf(e.alloc(), e.task());
        if (slot >= 0 && slotLive[slot] && slotNode[slot] == n) {
            slotCpu[slot] -= e.cpuMilli();
            slotMem[slot] -= e.memMb();
            slotLive[slot] = slotCpu[slot] > 0 || slotMem[slot] > 0;
            if (!slotLive[slot]) {
                addResource(slotResource[slot], n, -slotResourceMilli[slot]);
            }
        }
        add(n, -e.cpuMilli(), -e.memMb(), e.task() >= 0);
    }

    private void add(int n, long cpu, long mem, boolean task) {
        if (n >= nodeCpu.length) {
            int size = Math.max(n + 1, nodeCpu.length * 2);
            nodeCpu = Arrays.copyOf(nodeCpu, size);
            nodeMem = Arrays.copyOf(nodeMem, size);
            nodeTaskCpu = Arrays.copyOf(nodeTaskCpu, size);
        }
        nodeCpu[n] += cpu;
        nodeMem[n] += mem;
        if (task) {
            nodeTaskCpu[n] += cpu;
        }
    }

    private void addResource(int r, int n, long milli) {
        if (r < 0 || milli == 0) {
            return;
        }
        if (r >= nodeResourceMilli.length) {
            int old = nodeResourceMilli.length;
            nodeResourceMilli = Arrays.copyOf(nodeResourceMilli, Math.max(r + 1, old * 2));
            Arrays.fill(nodeResourceMilli, old, nodeResourceMilli.length, new long[0]);
        }
        long[] byNode = nodeResourceMilli[r];
        if (n >= byNode.length) {
            byNode = Arrays.copyOf(byNode, Math.max(n + 1, Math.max(16, byNode.length * 2)));
            nodeResourceMilli[r] = byNode;
        }
        byNode[n] += milli;
    }

    private int newSlot() {
        if (slots == slotNode.length) {
            int n = slots * 2;
            slotNode = Arrays.copyOf(slotNode, n);
            slotCpu = Arrays.copyOf(slotCpu, n);
            slotMem = Arrays.copyOf(slotMem, n);
            slotAttempt = Arrays.copyOf(slotAttempt, n);
            slotLive = Arrays.copyOf(slotLive, n);
            slotResource = Arrays.copyOf(slotResource, n);
            slotResourceMilli = Arrays.copyOf(slotResourceMilli, n);
        }
        return slots++;
    }
}
