package io.schedsim.monitor.state;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;

/**
 * When each node was disturbed by a fault that could starve its servers of signs of life, by
 * kind, as intervals of the monitor's clock: partitions, heartbeat loss and extra delay (the delay
 * lasts past its end by the delay itself, for messages already in flight), clock drift, backward
 * clock jumps (which hold the node's timers back by the jump), and its host or agent being dead.
 * INV-13 excuses a detection only by an interval of a kind that could cause it, overlapping the
 * exact window the rule allows.
 */
public final class Disturbances {
    public static final int PARTITION = 1;
    public static final int LOSS = 2;
    public static final int DELAY = 4;
    public static final int CLOCK = 8;
    public static final int DEAD = 16;
    /** Every kind: what can starve a node of heartbeats (N-25 clients run their own timers). */
    public static final int ANY = PARTITION | LOSS | DELAY | CLOCK | DEAD;
    /** What can fail a pull health check: the GCS's clock runs the checks, not the node's. */
    public static final int HEALTH_CHECK = PARTITION | LOSS | DELAY | DEAD;

    private static final int KINDS = 5;

    private final ObjectArrayList<LongArrayList> closed = new ObjectArrayList<>();
    private long[][] activeSince = new long[KINDS][0];
    private long[] delayCarry = new long[0];

    private void ensure(int n) {
        while (closed.size() <= n) {
            closed.add(new LongArrayList());
        }
        if (n >= delayCarry.length) {
            int size = Math.max(16, Math.max(n + 1, delayCarry.length * 2));
            for (int k = 0; k < KINDS; k++) {
                int old = activeSince[k].length;
                activeSince[k] = Arrays.copyOf(activeSince[k], size);
                Arrays.fill(activeSince[k], old, size, Time.NOT_YET);
            }
            delayCarry = Arrays.copyOf(delayCarry, size);
        }
    }

    /** Sets whether kind {@code kind} is active on node index {@code n} from {@code now} on. */
    void set(int n, int kind, boolean active, long now) {
        ensure(n);
        int k = Integer.numberOfTrailingZeros(kind);
        long since = activeSince[k][n];
        if (active && since == Time.NOT_YET) {
            activeSince[k][n] = now;
        } else if (!active && since != Time.NOT_YET) {
            long carry = kind == DELAY ? delayCarry[n] : 0;
            add(n, since, Time.plus(now, carry), kind);
            activeSince[k][n] = Time.NOT_YET;
            if (kind == DELAY) {
                delayCarry[n] = 0;
            }
        }
    }

    /** An extra delay of {@code delayNanos} is (or was) in force: messages carry it past its end. */
    void noteDelay(int n, long delayNanos) {
        ensure(n);
        delayCarry[n] = Math.max(delayCarry[n], delayNanos);
    }

    /** A closed interval of one kind, e.g. a backward clock jump's hold-back. */
    void add(int n, long fromNanos, long toNanos, int kind) {
        ensure(n);
        LongArrayList list = closed.get(n);
        list.add(fromNanos);
        list.add(toNanos);
        list.add(kind);
    }

    /** True if a disturbance of a kind in {@code mask} touched node index {@code n} in [from, to]. */
    public boolean during(int n, long fromNanos, long toNanos, int mask) {
        if (n >= delayCarry.length) {
            return false;
        }
        for (int k = 0; k < KINDS; k++) {
            long since = activeSince[k][n];
            if ((mask & (1 << k)) != 0 && since != Time.NOT_YET && since <= toNanos) {
                return true;
            }
        }
        LongArrayList list = closed.get(n);
        for (int i = 0; i < list.size(); i += 3) {
            if ((mask & (int) list.getLong(i + 2)) != 0 && list.getLong(i) <= toNanos
                    && list.getLong(i + 1) >= fromNanos) {
                return true;
            }
        }
        return false;
    }

    /** True if a disturbance of a kind in {@code mask} is active on node index {@code n} now. */
    public boolean active(int n, int mask) {
        if (n >= delayCarry.length) {
            return false;
        }
        for (int k = 0; k < KINDS; k++) {
            if ((mask & (1 << k)) != 0 && activeSince[k][n] != Time.NOT_YET) {
                return true;
            }
        }
        return false;
    }
}
