package io.schedsim.monitor.state;

import io.schedsim.history.ActorCreated;
import io.schedsim.history.ActorState;
import io.schedsim.history.ActorStateChanged;
import java.util.Arrays;

/**
 * The CPU live actors hold, per node index, from the actor events alone (R-6: an actor holds its
 * CPU while alive). The history publishes no reservation for an actor, so the liveness excuses
 * that ask whether a node has a request's CPU free (INV-23, INV-24, INV-28) add this to the
 * ledger's: an actor sharing a node with tasks or allocations starves them as the model's
 * shared node usage does. Counted from ALIVE to its next state; a constructor still running is
 * not seen (the history has no placement event for it), so this is a floor. Written only by
 * {@link State}.
 */
public final class ActorHoldings {
    private final IdIndex index = new IdIndex();
    private int count;
    private long[] cpu = new long[16];
    private int[] node = new int[16];
    private long[] nodeCpu = new long[16];

    /** Milli-CPU the ALIVE actors hold on node index {@code n}. */
    public long cpuOn(int n) {
        return n >= 0 && n < nodeCpu.length ? nodeCpu[n] : 0;
    }

    /** The CPU actor {@code actor} asks for, or -1 if the history never introduced it. */
    public long cpuOf(long actor) {
        int a = index.get(actor);
        return a < 0 ? -1 : cpu[a];
    }

    void created(ActorCreated e) {
        if (index.get(e.actor()) >= 0) {
            return;
        }
        if (count == cpu.length) {
            cpu = Arrays.copyOf(cpu, count * 2);
            node = Arrays.copyOf(node, count * 2);
        }
        index.put(e.actor(), count);
        cpu[count] = e.cpuMilli();
        node[count] = -1;
        count++;
    }

    /** {@code n}: the event's node index (-1 for none). */
    void changed(ActorStateChanged e, int n) {
        int a = index.get(e.actor());
        if (a < 0) {
            return;
        }
        if (node[a] >= 0) {
            nodeCpu[node[a]] -= cpu[a];
            node[a] = -1;
        }
        if (e.state() == ActorState.ALIVE && n >= 0) {
            if (n >= nodeCpu.length) {
                nodeCpu = Arrays.copyOf(nodeCpu, Math.max(n + 1, nodeCpu.length * 2));
            }
            nodeCpu[n] += cpu[a];
            node[a] = n;
        }
    }
}
