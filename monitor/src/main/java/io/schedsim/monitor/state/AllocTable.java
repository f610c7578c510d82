package io.schedsim.monitor.state;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.DesiredStatus;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * The monitor's own record of every allocation, indexed densely in placement order: job and node
 * indices, desired and client status as the history shows them, health, the drain's marks and
 * the replacement links. Terminality is defined here from SEMANTICS §2.2, not borrowed.
 * Written only by {@link State}.
 */
public final class AllocTable {
    /** Health not set yet (Nomad's hasHealth() false). */
    public static final byte HEALTH_UNSET = 0;
    public static final byte HEALTH_TRUE = 1;
    public static final byte HEALTH_FALSE = 2;

    private static final IntArrayList EMPTY = new IntArrayList(0);

    private final IdIndex indexById = new IdIndex();
    private final ObjectArrayList<IntArrayList> byNode = new ObjectArrayList<>();
    private int count;
    private int[] id = new int[32];
    private int[] job = new int[32];
    private int[] node = new int[32];
    private int[] previous = new int[32];
    private int[] replacement = new int[32];
    private int[] rescheduleAttempts = new int[32];
    private int[] versionAtPlace = new int[32];
    private DesiredStatus[] desired = new DesiredStatus[32];
    private ClientStatus[] client = new ClientStatus[32];
    private long[] clientSince = new long[32];
    /** When the first migrate mark came; meaningful only where {@code migrate} is set. */
    private long[] migrateAt = new long[32];
    private byte[] health = new byte[32];
    private boolean[] migrate = new boolean[32];
    private boolean[] disablePlacement = new boolean[32];

    /** The index of allocation {@code allocId}, or -1. */
    public int index(int allocId) {
        return indexById.get(allocId);
    }

    public int count() {
        return count;
    }

    int place(int allocId, int jobIndex, int nodeIndex, int previousIndex, int attempts,
            int jobVersion, long now) {
        if (count == id.length) {
            grow();
        }
        int a = count++;
        indexById.put(allocId, a);
        id[a] = allocId;
        job[a] = jobIndex;
        node[a] = nodeIndex;
        previous[a] = previousIndex;
        replacement[a] = -1;
        rescheduleAttempts[a] = attempts;
        versionAtPlace[a] = jobVersion;
        desired[a] = DesiredStatus.RUN;
        client[a] = ClientStatus.PENDING;
        clientSince[a] = now;
        while (byNode.size() <= nodeIndex) {
            byNode.add(new IntArrayList());
        }
        byNode.get(nodeIndex).add(a);
        if (previousIndex >= 0) {
            replacement[previousIndex] = a;
        }
        return a;
    }

    void setDesired(int a, DesiredStatus value) {
        desired[a] = value;
    }

    void setClient(int a, ClientStatus value, long now) {
        if (client[a] != value) {
            clientSince[a] = now;
        }
        client[a] = value;
    }

    void setHealth(int a, boolean healthy) {
        health[a] = healthy ? HEALTH_TRUE : HEALTH_FALSE;
    }

    void mark(int a, boolean disable, long now) {
        if (!migrate[a]) {
            migrateAt[a] = now;
        }
        migrate[a] = true;
        disablePlacement[a] |= disable;
    }

    /** Allocation indices placed on node index {@code n}, in placement order; read-only. */
    public IntArrayList onNode(int n) {
        return n < byNode.size() ? byNode.get(n) : EMPTY;
    }

    public int id(int a) {
        return id[a];
    }

    public int job(int a) {
        return job[a];
    }

    public int node(int a) {
        return node[a];
    }

    /** The allocation this one replaces, or -1. */
    public int previous(int a) {
        return previous[a];
    }

    /** The latest allocation placed as this one's replacement, or -1. */
    public int replacement(int a) {
        return replacement[a];
    }

    public int rescheduleAttempts(int a) {
        return rescheduleAttempts[a];
    }

    /** The job version it was placed with, or that its latest in-place update gave it. */
    public int versionAtPlace(int a) {
        return versionAtPlace[a];
    }

    void updateInPlace(int a, int version) {
        versionAtPlace[a] = version;
    }

    public DesiredStatus desired(int a) {
        return desired[a];
    }

    public ClientStatus client(int a) {
        return client[a];
    }

    /** When the client status last changed. */
    public long clientSince(int a) {
        return clientSince[a];
    }

    public byte health(int a) {
        return health[a];
    }

    /** Nomad's hasHealth(): set, true or false (N-13). */
    public boolean hasHealth(int a) {
        return health[a] != HEALTH_UNSET;
    }

    public boolean migrate(int a) {
        return migrate[a];
    }

    /** When allocation index {@code a} was first marked for migration (if it is marked). */
    public long migrateAt(int a) {
        return migrateAt[a];
    }

    public boolean disablePlacement(int a) {
        return disablePlacement[a];
    }

    /** Desired stop or evict (alloc.go ServerTerminalStatus). */
    public boolean serverTerminal(int a) {
        return desired[a] != DesiredStatus.RUN;
    }

    /** Client complete, failed or lost (alloc.go ClientTerminalStatus). */
    public boolean clientTerminal(int a) {
        ClientStatus c = client[a];
        return c == ClientStatus.COMPLETE || c == ClientStatus.FAILED || c == ClientStatus.LOST;
    }

    /** Server- or client-terminal (alloc.go TerminalStatus). */
    public boolean terminal(int a) {
        return serverTerminal(a) || clientTerminal(a);
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        job = Arrays.copyOf(job, n);
        node = Arrays.copyOf(node, n);
        previous = Arrays.copyOf(previous, n);
        replacement = Arrays.copyOf(replacement, n);
        rescheduleAttempts = Arrays.copyOf(rescheduleAttempts, n);
        versionAtPlace = Arrays.copyOf(versionAtPlace, n);
        desired = Arrays.copyOf(desired, n);
        client = Arrays.copyOf(client, n);
        clientSince = Arrays.copyOf(clientSince, n);
        health = Arrays.copyOf(health, n);
        migrate = Arrays.copyOf(migrate, n);
        migrateAt = Arrays.copyOf(migrateAt, n);
        disablePlacement = Arrays.copyOf(disablePlacement, n);
    }
}
