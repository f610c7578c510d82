package io.schedsim.core.event;

import io.schedsim.core.check.Check;

/**
 * Pending events ordered by (time, tie key), in three tiers kept in primitive arrays so that
 * scheduling and dispatching allocate nothing once the arrays have grown. Time is cut into fine
 * buckets of {@code 2^shift} ns, grouped into coarse buckets of {@code 2^fineLog2} fine ones:
 *
 * <ul>
 *   <li><b>fine ring</b>: unsorted fine buckets of up to four events, for the current fine bucket
 *       and the rest of the current coarse bucket;
 *   <li><b>coarse buckets</b>: unsorted chunk lists for the next {@code coarseCount - 1} coarse
 *       buckets;
 *   <li><b>far</b>: a 4-ary heap of everything else: later events, events whose fine bucket was
 *       full, and events due before the current fine bucket.
 * </ul>
 * The earliest event is the earliest of the current fine bucket's few entries and far's top (when
 * that is due). When the current bucket empties, the next occupied fine bucket becomes current;
 * when the fine ring empties, the next coarse bucket is spread over it. This is a two-rung ladder
 * queue (Tang, Goh and Thng, 2005): an event is appended to a chunk, spread once into an L2-sized
 * ring and picked out of a bucket of about two, so a dispatch costs O(1) and streams through
 * memory instead of a large heap's O(log n) cache-missing, mispredicted levels. The fine width
 * follows the observed dispatch rate and the rings the pending count; a rebuild re-tunes them at
 * most once per n dispatches. A poor width costs speed for a while, never correctness: the order
 * depends only on (time, tie key).
 *
 * <p>Handles name slots with generations ({@link EventSlots}), so a stale handle is recognised in
 * O(1) and {@link #NO_HANDLE} never names an event. Cancelling is lazy: the entry
 * stays behind as a tombstone, dropped when it comes up, and everything is rebuilt without
 * tombstones once they outnumber pending events, so memory stays proportional to the pending
 * count. Times are non-negative. Not thread-safe.
 */
public final class EventQueue {
    /** A handle that never names an event. */
    public static final long NO_HANDLE = 0L;

    private static final int TOMBSTONES_BEFORE_REBUILD_MIN = 64;
    private static final int DISPATCHES_BEFORE_TUNING_MIN = 64;
    private static final int ENTRY_LONGS = 4;
    // A rebuild drops a far heap grown beyond this, so a burst does not pin its memory.
    private static final int FAR_CAPACITY_KEPT_MAX = 1024;
    // Where the earliest event is, once located.
    private static final int UNKNOWN = 0;
    private static final int IN_BUCKET = 1;
    private static final int IN_FAR = 2;

    private final EventSlots slots;

    private TimeHeap far = new TimeHeap(16);
    private BucketRing fine;
    private ChunkedBuckets coarse;
    private int shift;
    private int fineLog2;
    private long currentFine = -1;
    private long currentCoarse;

    private int pendingCount;
    private int tombstoneCount;
    private int earliestIn = UNKNOWN;
    private int earliestEntry;
    private long dispatchesSinceTuning;
    private long timeAtTuning;
    private long poppedTime;
    private long poppedPayload;
    private long poppedKindEntity;

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        slots = new EventSlots(capacity);
        TierShape shape = TierShape.initial(capacity);
        shift = shape.shift();
        fineLog2 = shape.fineLog2();
        fine = new BucketRing(1 << fineLog2);
        coarse = new ChunkedBuckets(shape.coarseCount());
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
        return earliestIn == IN_BUCKET ? fine.entries()[earliestEntry] : far.topTime();
    }

    /** Adds an event at {@code timeNanos} (≥ 0) and returns its handle. */
    public long push(long timeNanos, long tieKey, int kind, int entity, long payload) {
        long handle = slots.allocate(timeNanos, tieKey);
        pendingCount++;
        place(timeNanos, handle, payload, ((long) kind << 32) | (entity & 0xFFFF_FFFFL));
        earliestIn = UNKNOWN;
        return handle;
    }

    /**
     * Removes the earliest event, which the queue must hold, and returns its handle; its time,
     * kind, entity and payload are then readable through the {@code popped} accessors.
     */
    public long popMin() {
        if (earliestIn == UNKNOWN) {
            locateEarliest();
        }
        long handle;
        if (earliestIn == IN_BUCKET) {
            long[] entries = fine.entries();
            int entry = earliestEntry;
            poppedTime = entries[entry];
            handle = entries[entry + 1];
            poppedPayload = entries[entry + 2];
            poppedKindEntity = entries[entry + 3];
            fine.remove((int) currentFine & (fine.bucketCount() - 1), entry);
        } else {
            poppedTime = far.topTime();
            handle = far.topHandle();
            poppedPayload = far.topPayload();
            poppedKindEntity = far.topKindEntity();
            far.removeTop(slots.records());
        }
        earliestIn = UNKNOWN;
        slots.releaseFired(handle);
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
        slots.markCancelled(handle);
        pendingCount--;
        tombstoneCount++;
        earliestIn = UNKNOWN;
        if (tombstoneCount >= TOMBSTONES_BEFORE_REBUILD_MIN && tombstoneCount > pendingCount) {
            rebuild(new TierShape(shift, fineLog2, coarse.bucketCount()));
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

    /** Files a pending event in the tier its bucket belongs to. */
    private void place(long time, long handle, long payload, long kindEntity) {
        long fineBucket = time >> shift;
        if (fineBucket >= currentFine) {
            long coarseAhead = (fineBucket >> fineLog2) - currentCoarse;
            if (coarseAhead == 0) {
                int bucket = (int) fineBucket & (fine.bucketCount() - 1);
                if (fine.add(bucket, time, handle, payload, kindEntity)) {
                    return;
                }
            } else if (coarseAhead > 0 && coarseAhead < coarse.bucketCount()) {
                int bucket = (int) (fineBucket >> fineLog2) & (coarse.bucketCount() - 1);
                coarse.add(bucket, time, handle, payload, kindEntity);
                return;
            }
        }
        far.push(time, handle, payload, kindEntity, slots.records());
    }

    /**
     * Finds the earliest pending event: the earliest entry of the current fine bucket or far's
     * top, whichever is earlier, advancing the current bucket while neither is due. Tombstones met
     * on the way are dropped.
     */
    private void locateEarliest() {
        if (dispatchesSinceTuning >= Math.max(DISPATCHES_BEFORE_TUNING_MIN, pendingCount)) {
            tune();
        }
        while (pendingCount > 0) {
            int bucket = (int) currentFine & (fine.bucketCount() - 1);
            boolean bucketIsCurrent = (currentFine >> fineLog2) == currentCoarse;
            int entry = bucketIsCurrent && fine.fill(bucket) > 0 ? earliestEntryOf(bucket) : -1;
            boolean farIsDue = !far.isEmpty() && (far.topTime() >> shift) <= currentFine;
            if (entry < 0 && !farIsDue) {
                advance();
                continue;
            }
            long[] entries = fine.entries();
            if (farIsDue && (entry < 0 || precedes(far.topTime(), far.topHandle(),
                    entries[entry], entries[entry + 1]))) {
                if (tombstoneCount > 0 && isTombstone(far.topHandle())) {
                    releaseTombstone(far.topHandle());
                    far.removeTop(slots.records());
                    continue;
                }
                earliestIn = IN_FAR;
                return;
            }
            if (tombstoneCount > 0 && isTombstone(entries[entry + 1])) {
                releaseTombstone(entries[entry + 1]);
                fine.remove(bucket, entry);
                continue;
            }
            earliestIn = IN_BUCKET;
            earliestEntry = entry;
            return;
        }
    }

    /** Offset of the earliest entry of a non-empty fine bucket. */
    private int earliestEntryOf(int bucket) {
        long[] entries = fine.entries();
        int best = BucketRing.entryAt(bucket, 0);
        int end = best + fine.fill(bucket) * ENTRY_LONGS;
        for (int entry = best + ENTRY_LONGS; entry < end; entry += ENTRY_LONGS) {
            if (precedes(entries[entry], entries[entry + 1], entries[best], entries[best + 1])) {
                best = entry;
            }
        }
        return best;
    }

    /** (time, tie) order; tie keys are read only when times are equal. */
    private boolean precedes(long time, long handle, long otherTime, long otherHandle) {
        return time < otherTime
                || (time == otherTime && slots.tieOf(handle) < slots.tieOf(otherHandle));
    }

    /**
     * Moves the current fine bucket to the earliest of: the next occupied fine bucket, the first
     * bucket of the next occupied coarse bucket (spread over the fine ring) and far's top. Called
     * only when the current bucket is empty and far has nothing due.
     */
    private void advance() {
        long farFine = far.isEmpty() ? Long.MAX_VALUE : far.topTime() >> shift;
        if (fine.count() > 0) {
            // The fine ring holds only buckets after the current one in this coarse bucket.
            int fineMask = fine.bucketCount() - 1;
            int from = (int) (currentFine + 1) & fineMask;
            long nextFine = (currentCoarse << fineLog2) | fine.nextOccupied(from);
            currentFine = Math.min(nextFine, farFine);
            return;
        }
        if (coarse.count() > 0) {
            int coarseMask = coarse.bucketCount() - 1;
            int currentIndex = (int) currentCoarse & coarseMask;
            int bucket = coarse.nextOccupied((currentIndex + 1) & coarseMask);
            long nextCoarse = currentCoarse + ((bucket - currentIndex) & coarseMask);
            if (nextCoarse << fineLog2 <= farFine) {
                currentCoarse = nextCoarse;
                currentFine = (nextCoarse << fineLog2) - 1;
                spreadCoarseBucket(bucket);
                return;
            }
        }
        currentFine = farFine;
        currentCoarse = farFine >> fineLog2;
    }

    /** Re-files the events of the coarse bucket that just became current into the fine ring. */
    private void spreadCoarseBucket(int bucket) {
        long[] entries = coarse.entries();
        for (int chunk = coarse.firstChunk(bucket); chunk != ChunkedBuckets.NO_CHUNK;
                chunk = coarse.nextChunk(chunk)) {
            int count = coarse.fill(chunk);
            for (int index = 0; index < count; index++) {
                int entry = ChunkedBuckets.entryAt(chunk, index);
                place(entries[entry], entries[entry + 1], entries[entry + 2], entries[entry + 3]);
            }
        }
        coarse.clear(bucket);
    }

    private boolean isTombstone(long handle) {
        return slots.isTombstone(handle);
    }

    private void releaseTombstone(long handle) {
        tombstoneCount--;
        slots.releaseTombstone(handle);
    }

    /** Re-tunes the tier sizes to the recent dispatches; rebuilds if they are far off. */
    private void tune() {
        TierShape tuned = TierShape.tuned(pendingCount, dispatchesSinceTuning,
                poppedTime - timeAtTuning);
        dispatchesSinceTuning = 0;
        timeAtTuning = poppedTime;
        if (!tuned.isCloseTo(new TierShape(shift, fineLog2, coarse.bucketCount()))) {
            rebuild(tuned);
        }
    }

    /** Re-files every pending event under new tier sizes, dropping tombstones. */
    private void rebuild(TierShape shape) {
        long[] pending = collectPendingEntries();
        if (far.capacity() > FAR_CAPACITY_KEPT_MAX) {
            far = new TimeHeap(16);
        } else {
            far.clear();
        }
        if (shape.fineLog2() != fineLog2) {
            fine = new BucketRing(1 << shape.fineLog2());
        } else {
            fine.clearAll();
        }
        if (shape.coarseCount() != coarse.bucketCount()) {
            coarse = new ChunkedBuckets(shape.coarseCount());
        } else {
            coarse.clearAll();
        }
        shift = shape.shift();
        fineLog2 = shape.fineLog2();
        int end = pendingCount * ENTRY_LONGS;
        long earliest = Long.MAX_VALUE;
        for (int entry = 0; entry < end; entry += ENTRY_LONGS) {
            earliest = Math.min(earliest, pending[entry]);
        }
        if (pendingCount > 0) {
            currentFine = earliest >> shift;
            currentCoarse = currentFine >> fineLog2;
        }
        earliestIn = UNKNOWN;
        for (int entry = 0; entry < end; entry += ENTRY_LONGS) {
            place(pending[entry], pending[entry + 1], pending[entry + 2], pending[entry + 3]);
        }
    }

    /** Gathers every pending event from every tier; frees the slots of tombstones. */
    private long[] collectPendingEntries() {
        // Allocated afresh: a rebuild is rare, and a kept copy would double the queue's memory.
        int held = (pendingCount + tombstoneCount) * ENTRY_LONGS;
        long[] all = new long[held];
        int end = far.copyEntriesTo(all, 0);
        end = fine.copyEntriesTo(all, end);
        end = coarse.copyEntriesTo(all, end);
        Check.that(end == held, "event queue lost entries", end, held);
        int kept = 0;
        for (int entry = 0; entry < end; entry += ENTRY_LONGS) {
            if (isTombstone(all[entry + 1])) {
                releaseTombstone(all[entry + 1]);
            } else {
                System.arraycopy(all, entry, all, kept, ENTRY_LONGS);
                kept += ENTRY_LONGS;
            }
        }
        return all;
    }
}
