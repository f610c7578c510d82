package io.schedsim.core.event;

import io.schedsim.core.check.Check;

/**
 * Pending events ordered by (time, tie key), kept in primitive arrays so that scheduling and
 * dispatching allocate nothing once the arrays have grown. Time is cut into windows of
 * {@code 2^windowShift} ns, and an event lives in one of four tiers:
 *
 * <ul>
 *   <li><b>run</b>: the events of the current window that were filed before it came due, sorted
 *       once ({@link SortedRun});
 *   <li><b>near</b>: a small 4-ary heap of events scheduled into the current window (or before
 *       it) after it came due;
 *   <li><b>coarse</b>: unsorted chunk lists, one per window, for the next {@code coarseCount - 1}
 *       windows ({@link ChunkedBuckets});
 *   <li><b>far</b>: a 4-ary heap of later events, moved into the coarse buckets as the windows
 *       advance.
 * </ul>
 * The earliest event is the earlier of the run's next event and near's top. When both are spent,
 * the next occupied coarse bucket is sorted into the run (or, if the coarse buckets are empty, the
 * window jumps to far's top). So an event is appended to a chunk, sorted once with its window by a
 * radix sort, and read by a cursor: O(1) per dispatch, streaming through memory, with almost no
 * branch that depends on the data, where a large heap pays O(log n) cache-missing, mispredicted
 * levels. This is a two-rung ladder queue (Tang, Goh and Thng, 2005) whose bottom rung is sorted
 * by radix instead of spread into buckets. The window follows the observed dispatch rate and the
 * coarse ring the pending count; a rebuild re-tunes them at most once per n dispatches. A poor
 * width costs speed for a while, never correctness: the order depends only on (time, tie key).
 *
 * <p>Handles name slots with generations ({@link EventSlots}), so a stale handle is recognised in
 * O(1) and {@link #NO_HANDLE} never names an event. Cancelling is lazy: the entry stays behind as
 * a tombstone, dropped when it is sorted into the run or comes up, and everything is rebuilt
 * without tombstones once they outnumber pending events, so memory stays proportional to the
 * pending count. Times are non-negative. Not thread-safe.
 */
public final class EventQueue {
    /** A handle that never names an event. */
    public static final long NO_HANDLE = 0L;

    private static final int TOMBSTONES_BEFORE_REBUILD_MIN = 64;
    private static final int DISPATCHES_BEFORE_TUNING_MIN = 64;
    // A rebuild drops a heap grown beyond this, so a burst does not pin its memory.
    private static final int HEAP_CAPACITY_KEPT_MAX = 1024;
    // Where the earliest event is, once located.
    private static final int UNKNOWN = 0;
    private static final int IN_RUN = 1;
    private static final int IN_NEAR = 2;

    private final EventSlots slots;
    private TimeHeap near = new TimeHeap(16);
    private TimeHeap far = new TimeHeap(16);
    private ChunkedBuckets coarse;
    private SortedRun run;
    // The run's sorted order and how far dispatching has read it.
    private long[] runOrder;
    private int runCursor;
    private int runLength;
    private int windowShift;
    private long currentWindow = -1;

    private int pendingCount;
    private int tombstoneCount;
    // Tombstones in the run or near (cancelled events due in the current window or before).
    private int dueTombstoneCount;
    private int earliestIn = UNKNOWN;
    private long dispatchesSinceTuning;
    // Re-tune after this many dispatches: the pending count at the last tuning, at least 64.
    private long dispatchesBeforeTuning = DISPATCHES_BEFORE_TUNING_MIN;
    private long timeAtTuning;
    private long poppedTime;
    private long poppedPayload;
    private long poppedKindEntity;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        slots = new EventSlots(capacity);
        TierShape shape = TierShape.initial(capacity);
        windowShift = shape.windowShift();
        coarse = new ChunkedBuckets(shape.coarseCount());
        run = new SortedRun(slots, coarse);
    }

    /** Number of pending events (cancelled ones excluded). */
    public int size() {
        return pendingCount;
    }

    public boolean isEmpty() {
        return pendingCount == 0;
    }

    /** Time of the earliest event; undefined when empty. */
    public long minTime() {
        if (earliestIn == UNKNOWN) {
            locateEarliest();
        }
        return earliestIn == IN_RUN
                ? coarse.entries()[runEntry() + EventEntry.TIME] : near.topTime();
    }

    /** Adds an event at {@code timeNanos} (≥ 0) and returns its handle. */
    public long push(long timeNanos, long tieKey, int kind, int entity, long payload) {
        long handle = slots.allocate(timeNanos);
        pendingCount++;
        place(timeNanos, tieKey, handle, payload, EventEntry.packKindEntity(kind, entity));
        return handle;
    }

    /**
     * Adds an event that will never be cancelled or looked up: it gets no handle, so no slot is
     * taken or freed for it (in the hold model that was about a quarter of the queue's work).
     */
    public void pushUnhandled(long timeNanos, long tieKey, int kind, int entity, long payload) {
        pendingCount++;
        place(timeNanos, tieKey, NO_HANDLE, payload, EventEntry.packKindEntity(kind, entity));
    }

    /**
     * Removes the earliest event, which the queue must hold, and returns its handle
     * ({@link #NO_HANDLE} if it was pushed unhandled); its time,
     * kind, entity and payload are then readable through the {@code popped} accessors.
     */
    public long popMin() {
        if (earliestIn == UNKNOWN) {
            locateEarliest();
        }
        long handle;
        if (earliestIn == IN_RUN) {
            long[] entries = coarse.entries();
            int entry = runEntry();
            poppedTime = entries[entry + EventEntry.TIME];
            handle = entries[entry + EventEntry.HANDLE];
            poppedPayload = entries[entry + EventEntry.PAYLOAD];
            poppedKindEntity = entries[entry + EventEntry.KIND_ENTITY];
            runCursor++;
        } else {
            poppedTime = near.topTime();
            handle = near.topHandle();
            poppedPayload = near.topPayload();
            poppedKindEntity = near.topKindEntity();
            near.removeTop();
        }
        earliestIn = UNKNOWN;
        if (handle != NO_HANDLE) {
            slots.release(handle);
        }
        pendingCount--;
        dispatchesSinceTuning++;
        return handle;
    }

    public long poppedTime() {
        return poppedTime;
    }

    public int poppedKind() {
        return (int) (poppedKindEntity >> 32);
    }

    public int poppedEntity() {
        return (int) poppedKindEntity;
    }

    public long poppedPayload() {
        return poppedPayload;
    }

    /** Cancels a pending event; false (and no change) if the handle is stale or unknown. */
    public boolean cancel(long handle) {
        if (!isPending(handle)) {
            return false;
        }
        if (slots.timeOf(handle) >> windowShift <= currentWindow) {
            dueTombstoneCount++;
        }
        slots.markCancelled(handle);
        pendingCount--;
        tombstoneCount++;
        earliestIn = UNKNOWN;
        if (tombstoneCount >= TOMBSTONES_BEFORE_REBUILD_MIN && tombstoneCount > pendingCount) {
            rebuild(new TierShape(windowShift, coarse.bucketCount()));
        }
        return true;
    }

    /** True while the event named by {@code handle} is still pending. */
    public boolean isPending(long handle) {
        return slots.isPending(handle);
    }

    /** Scheduled time of a pending event, or {@code Long.MIN_VALUE} if it is not pending. */
    public long timeOf(long handle) {
        return slots.isPending(handle) ? slots.timeOf(handle) : Long.MIN_VALUE;
    }

    /**
     * Files an event in the tier its window belongs to. Only an event due in the current window
     * (or before it) can be the new earliest; the others leave the located earliest as it is.
     */
    private void place(long time, long tie, long handle, long payload, long kindEntity) {
        long window = time >> windowShift;
        long ahead = window - currentWindow;
        if (ahead <= 0) {
            near.push(time, tie, handle, payload, kindEntity);
            earliestIn = UNKNOWN;
        } else if (ahead < coarse.bucketCount()) {
            coarse.add((int) window & (coarse.bucketCount() - 1), time, tie, handle, payload,
                    kindEntity);
        } else {
            far.push(time, tie, handle, payload, kindEntity);
        }
    }

    /**
     * Finds the earliest pending event, the earlier of the run's next event and near's top,
     * advancing the window while both are spent. Tombstones met on the way are dropped.
     */
    private void locateEarliest() {
        if (dispatchesSinceTuning >= dispatchesBeforeTuning) {
            tune();
        }
        while (pendingCount > 0) {
            int candidate;
            if (near.isEmpty()) {
                if (runCursor == runLength) {
                    advance();
                    continue;
                }
                candidate = IN_RUN;
            } else if (runCursor < runLength && runPrecedesNear()) {
                candidate = IN_RUN;
            } else {
                candidate = IN_NEAR;
            }
            if (dueTombstoneCount > 0 && dropIfTombstone(candidate)) {
                continue;
            }
            earliestIn = candidate;
            return;
        }
    }

    private boolean runPrecedesNear() {
        long[] entries = coarse.entries();
        int entry = runEntry();
        long time = entries[entry + EventEntry.TIME];
        return time < near.topTime()
                || (time == near.topTime() && entries[entry + EventEntry.TIE] < near.topTie());
    }

    /** Drops the candidate if it is a tombstone; true if it was. */
    private boolean dropIfTombstone(int candidate) {
        long handle = candidate == IN_RUN
                ? coarse.entries()[runEntry() + EventEntry.HANDLE] : near.topHandle();
        if (!slots.isTombstone(handle)) {
            return false;
        }
        if (candidate == IN_RUN) {
            runCursor++;
        } else {
            near.removeTop();
        }
        dueTombstoneCount--;
        releaseTombstone(handle);
        return true;
    }

    /**
     * Moves to the next window that holds events: the next occupied coarse bucket, sorted into
     * the run, or far's top if the coarse buckets are empty. Then moves far events that the
     * advanced ring now covers into it. Called only when the run and near are spent.
     */
    private void advance() {
        if (coarse.count() > 0) {
            int mask = coarse.bucketCount() - 1;
            int currentIndex = (int) currentWindow & mask;
            int bucket = coarse.nextOccupied((currentIndex + 1) & mask);
            currentWindow += (bucket - currentIndex) & mask;
            int dropped = run.load(coarse.detach(bucket), currentWindow << windowShift,
                    windowShift, tombstoneCount > 0);
            tombstoneCount -= dropped;
            runOrder = run.order();
            runLength = run.length();
            runCursor = 0;
        } else {
            Check.that(!far.isEmpty(), "event queue lost its events", pendingCount);
            clearRun();
            currentWindow = far.topTime() >> windowShift;
        }
        long horizon = currentWindow + coarse.bucketCount();
        while (!far.isEmpty() && far.topTime() >> windowShift < horizon) {
            long handle = far.topHandle();
            if (tombstoneCount > 0 && slots.isTombstone(handle)) {
                releaseTombstone(handle);
            } else {
                place(far.topTime(), far.topTie(), handle, far.topPayload(), far.topKindEntity());
            }
            far.removeTop();
        }
    }

    /** Offset of the run's next entry; only while runCursor < runLength. */
    private int runEntry() {
        return (int) runOrder[runCursor];
    }

    private void clearRun() {
        run.clear();
        runCursor = 0;
        runLength = 0;
    }

    private void releaseTombstone(long handle) {
        tombstoneCount--;
        slots.release(handle);
    }

    /** Re-tunes the tier sizes to the recent dispatches; rebuilds if they are far off. */
    private void tune() {
        TierShape tuned = TierShape.tuned(pendingCount, dispatchesSinceTuning,
                poppedTime - timeAtTuning);
        dispatchesSinceTuning = 0;
        dispatchesBeforeTuning = Math.max(DISPATCHES_BEFORE_TUNING_MIN, pendingCount);
        timeAtTuning = poppedTime;
        if (!tuned.isCloseTo(new TierShape(windowShift, coarse.bucketCount()))) {
            rebuild(tuned);
        }
    }

    /** Re-files every pending event under new tier sizes, dropping tombstones. */
    private void rebuild(TierShape shape) {
        long[] pending = collectPendingEntries();
        near = near.capacity() > HEAP_CAPACITY_KEPT_MAX ? new TimeHeap(16) : near;
        far = far.capacity() > HEAP_CAPACITY_KEPT_MAX ? new TimeHeap(16) : far;
        near.clear();
        far.clear();
        clearRun();
        if (shape.coarseCount() != coarse.bucketCount()) {
            coarse = new ChunkedBuckets(shape.coarseCount());
            run = new SortedRun(slots, coarse);
        } else {
            coarse.clearAll();
        }
        windowShift = shape.windowShift();
        int end = pendingCount * EventEntry.LONGS;
        long earliest = Long.MAX_VALUE;
        for (int entry = 0; entry < end; entry += EventEntry.LONGS) {
            earliest = Math.min(earliest, pending[entry + EventEntry.TIME]);
        }
        // Every event lands ahead of the current window, so the next dispatch sorts a window.
        currentWindow = pendingCount > 0 ? (earliest >> windowShift) - 1 : -1;
        dueTombstoneCount = 0;
        earliestIn = UNKNOWN;
        for (int entry = 0; entry < end; entry += EventEntry.LONGS) {
            place(pending[entry + EventEntry.TIME], pending[entry + EventEntry.TIE],
                    pending[entry + EventEntry.HANDLE], pending[entry + EventEntry.PAYLOAD],
                    pending[entry + EventEntry.KIND_ENTITY]);
        }
    }

    /** Gathers every pending event from every tier; frees the slots of tombstones. */
    private long[] collectPendingEntries() {
        // Allocated afresh: a rebuild is rare, and a kept copy would double the queue's memory.
        int held = near.size() + far.size() + coarse.count() + (runLength - runCursor);
        long[] all = new long[held * EventEntry.LONGS];
        int end = near.copyEntriesTo(all, 0);
        end = far.copyEntriesTo(all, end);
        end = coarse.copyEntriesTo(all, end);
        end = run.copyTo(runCursor, all, end);
        int kept = 0;
        for (int entry = 0; entry < end; entry += EventEntry.LONGS) {
            long handle = all[entry + EventEntry.HANDLE];
            if (slots.isTombstone(handle)) {
                releaseTombstone(handle);
            } else {
                System.arraycopy(all, entry, all, kept, EventEntry.LONGS);
                kept += EventEntry.LONGS;
            }
        }
        Check.that(kept == pendingCount * EventEntry.LONGS && tombstoneCount == 0,
                "event queue lost entries", kept / EventEntry.LONGS, pendingCount);
        return all;
    }
}
