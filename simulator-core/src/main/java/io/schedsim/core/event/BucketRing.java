package io.schedsim.core.event;

import java.util.Arrays;

/**
 * Fine buckets of unsorted events, each a fixed run of {@link #CAPACITY} entries in one flat
 * array. An entry carries the whole event (time, handle, payload, packed kind/entity), so filing
 * an event is a few stores to one place and draining a bucket reads consecutive memory, never the
 * events' scattered slots. A full bucket refuses an entry and the caller files it elsewhere.
 */
final class BucketRing {
    /** Entries per bucket; the queue aims at about two per bucket. */
    static final int CAPACITY = 4;
    private static final int CAPACITY_LOG2 = 2;
    private static final int ENTRY_LONGS_LOG2 = 2;

    // Entry i of bucket b starts at 4 * (b * CAPACITY + i): time, handle, payload, kind/entity.
    private final long[] entries;
    private final byte[] fill;
    private final OccupancyBitmap occupancy;
    private int count;

    /** {@code bucketCount} is a power of two, at least 64. */
    BucketRing(int bucketCount) {
        entries = new long[(CAPACITY << ENTRY_LONGS_LOG2) * bucketCount];
        fill = new byte[bucketCount];
        occupancy = new OccupancyBitmap(bucketCount);
    }

    int bucketCount() {
        return fill.length;
    }

    /** Events held. */
    int count() {
        return count;
    }

    void clearAll() {
        Arrays.fill(fill, (byte) 0);
        occupancy.clearAll();
        count = 0;
    }

    /** Files an entry; false (and no change) if the bucket is full. */
    boolean add(int bucket, long time, long handle, long payload, long kindEntity) {
        int filled = fill[bucket];
        if (filled == CAPACITY) {
            return false;
        }
        int entry = entryAt(bucket, filled);
        entries[entry] = time;
        entries[entry + 1] = handle;
        entries[entry + 2] = payload;
        entries[entry + 3] = kindEntity;
        fill[bucket] = (byte) (filled + 1);
        if (filled == 0) {
            occupancy.set(bucket);
        }
        count++;
        return true;
    }

    int fill(int bucket) {
        return fill[bucket];
    }

    /** Offset in {@link #entries()} of entry {@code index} of {@code bucket}. */
    static int entryAt(int bucket, int index) {
        return ((bucket << CAPACITY_LOG2) + index) << ENTRY_LONGS_LOG2;
    }

    /** The entry array, for a caller draining a bucket entry by entry. */
    long[] entries() {
        return entries;
    }

    /** Removes one entry; the bucket's last entry takes its place. */
    void remove(int bucket, int entry) {
        int last = fill[bucket] - 1;
        int lastEntry = entryAt(bucket, last);
        if (entry != lastEntry) {
            entries[entry] = entries[lastEntry];
            entries[entry + 1] = entries[lastEntry + 1];
            entries[entry + 2] = entries[lastEntry + 2];
            entries[entry + 3] = entries[lastEntry + 3];
        }
        fill[bucket] = (byte) last;
        if (last == 0) {
            occupancy.clear(bucket);
        }
        count--;
    }

    /** Empties a bucket (after the caller has read its entries). */
    void clear(int bucket) {
        count -= fill[bucket];
        fill[bucket] = 0;
        occupancy.clear(bucket);
    }

    /** Copies every entry to {@code dest} from {@code at}; returns the end. */
    int copyEntriesTo(long[] dest, int at) {
        for (int bucket = 0; bucket < fill.length; bucket++) {
            int length = fill[bucket] << ENTRY_LONGS_LOG2;
            System.arraycopy(entries, entryAt(bucket, 0), dest, at, length);
            at += length;
        }
        return at;
    }

    /** The first non-empty bucket at or after {@code from}, no wrap; -1 if none. */
    int nextOccupied(int from) {
        return occupancy.next(from);
    }
}
