package io.schedsim.core.event;

import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongComparator;
import java.util.Arrays;

/**
 * The events of the window being dispatched, in (time, tie key) order. Loading a window's chunks
 * sorts them once: an LSD radix sort on 16 bits of the offset into the window, or for a wide
 * window of the offset from its earliest event (two passes of 8 bits, a pass skipped when all keys
 * share its digit; a one-chunk window is insertion-sorted instead), then, unless the keys are
 * exact times and the window was filled in tie-key order (as FIFO ties are), an exact sort of the
 * rare runs of equal keys by (time, tie key). The sort moves packed longs (key in the high 32 bits, the entry's
 * offset in the chunk array in the low 32), never the entries, which stay in their chunks until
 * the run has been read; dispatching is then a cursor (the queue's) walking the sorted offsets,
 * with no compare and no branch that depends on the data.
 */
final class SortedRun {
    private static final int KEY_BITS = 16;
    private static final int DIGIT_BITS = 8;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    // Runs of equal keys longer than this are sorted by quicksort, not insertion.
    private static final int INSERTION_SORT_MAX = 16;
    private static final int CAPACITY_INITIAL = 64;
    // Packed keys by value: by sort key, then by entry offset, which in one chunk is append order.
    private static final LongComparator BY_PACKED_VALUE = Long::compare;

    private final EventSlots slots;
    private final ChunkedBuckets chunks;
    private final int[] lowCounts = new int[1 << DIGIT_BITS];
    private final int[] highCounts = new int[1 << DIGIT_BITS];
    private final LongComparator byTimeThenTie = this::compareEntries;
    private long[] sorted = new long[CAPACITY_INITIAL];
    private long[] scratch = new long[CAPACITY_INITIAL];
    private long[] entries;
    private int length;
    private int head = ChunkedBuckets.NO_CHUNK;

    SortedRun(EventSlots slots, ChunkedBuckets chunks) {
        this.slots = slots;
        this.chunks = chunks;
    }

    /**
     * The sorted events: the low 32 bits of element i are the offset in the chunk array of the
     * i-th event's entry. Valid until the next load or clear; the reader keeps its own cursor.
     */
    long[] order() {
        return sorted;
    }

    /** Events loaded. */
    int length() {
        return length;
    }

    /**
     * Takes over a detached bucket (the previous run's chunks go back to the pool) and sorts it.
     * With {@code dropTombstones}, entries of cancelled events are left out and their slots
     * freed; returns how many were.
     */
    int load(int firstChunk, long windowStartNanos, int windowShift, boolean dropTombstones) {
        clear();
        head = firstChunk;
        entries = chunks.entries();
        int size = ensureCapacity(firstChunk);
        // A window of one chunk (common in small, bursty runs) is insertion-sorted: its entries'
        // offsets ascend in append order, so sorting the packed keys keeps equal keys in that
        // order, and the radix passes' fixed cost over 2 × 256 counters is not paid.
        boolean radix = size > ChunkedBuckets.CHUNK_ENTRIES;
        if (radix) {
            Arrays.fill(lowCounts, 0);
            Arrays.fill(highCounts, 0);
        }
        // A narrow window's offsets are exact keys, computed as the entries stream by. A wide
        // one's are offsets from its earliest event, in a second pass, so that a burst of events
        // at one instant (common in models: timers on the same tick) still sorts exactly.
        boolean offsetsFit = windowShift <= KEY_BITS;
        final long[] keys = scratch;
        int kept = 0;
        int dropped = 0;
        long previousTie = Long.MIN_VALUE;
        boolean inTieOrder = true;
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int chunk = firstChunk; chunk != ChunkedBuckets.NO_CHUNK;
                chunk = chunks.nextChunk(chunk)) {
            int end = ChunkedBuckets.entryAt(chunk, chunks.fill(chunk));
            for (int entry = ChunkedBuckets.entryAt(chunk, 0); entry < end;
                    entry += EventEntry.LONGS) {
                if (dropTombstones && slots.isTombstone(entries[entry + EventEntry.HANDLE])) {
                    slots.release(entries[entry + EventEntry.HANDLE]);
                    dropped++;
                    continue;
                }
                long tie = entries[entry + EventEntry.TIE];
                if (tie < previousTie) {
                    inTieOrder = false;
                }
                previousTie = tie;
                long time = entries[entry + EventEntry.TIME];
                if (offsetsFit) {
                    long key = time - windowStartNanos;
                    keys[kept++] = (radix ? count(key) : key) << 32 | entry;
                } else {
                    keys[kept++] = entry;
                    earliest = Math.min(earliest, time);
                    latest = Math.max(latest, time);
                }
            }
        }
        length = kept;
        int keyShift = 0;
        if (!offsetsFit && kept > 0) {
            keyShift = Math.max(0, 64 - Long.numberOfLeadingZeros(latest - earliest) - KEY_BITS);
            for (int index = 0; index < kept; index++) {
                int entry = (int) keys[index];
                long key = (entries[entry + EventEntry.TIME] - earliest) >>> keyShift;
                keys[index] = (radix ? count(key) : key) << 32 | entry;
            }
        }
        if (radix) {
            radixSort();
        } else {
            System.arraycopy(scratch, 0, sorted, 0, length);
            insertionSort(0, length, BY_PACKED_VALUE);
        }
        if (keyShift > 0 || !inTieOrder) {
            // Equal keys are in chunk order: exact only if keys are exact times and the window
            // was filled in tie order.
            sortEqualKeys();
        }
        return dropped;
    }

    /** Sorts the keys in scratch into sorted, by the digit counts taken while gathering. */
    private void radixSort() {
        // keys are in scratch; each pass that runs moves them to the other array.
        long[] from = scratch;
        long[] to = sorted;
        if (distribute(from, to, lowCounts, 32)) {
            from = to;
            to = from == sorted ? scratch : sorted;
        }
        if (distribute(from, to, highCounts, 32 + DIGIT_BITS)) {
            from = to;
        }
        if (from != sorted) {
            System.arraycopy(from, 0, sorted, 0, length);
        }
    }

    /** Counts a 16-bit key's digits and returns it. */
    private long count(long key) {
        lowCounts[(int) key & DIGIT_MASK]++;
        highCounts[(int) (key >>> DIGIT_BITS)]++;
        return key;
    }

    /** Grows the key arrays to hold the chunks' entries; returns how many there are. */
    private int ensureCapacity(int firstChunk) {
        int size = 0;
        for (int chunk = firstChunk; chunk != ChunkedBuckets.NO_CHUNK;
                chunk = chunks.nextChunk(chunk)) {
            size += chunks.fill(chunk);
        }
        if (sorted.length < size) {
            int capacity = Math.max(size, 2 * sorted.length);
            sorted = new long[capacity];
            scratch = new long[capacity];
        }
        return size;
    }

    /** Ends the run and returns its chunks to the pool. */
    void clear() {
        if (head != ChunkedBuckets.NO_CHUNK) {
            chunks.releaseChunks(head);
            head = ChunkedBuckets.NO_CHUNK;
        }
        length = 0;
    }

    /** Copies the entries from {@code from} on as rows to {@code dest} from {@code at}; its end. */
    int copyTo(int from, long[] dest, int at) {
        long[] rows = chunks.entries();
        for (int index = from; index < length; index++) {
            System.arraycopy(rows, (int) sorted[index], dest, at, EventEntry.LONGS);
            at += EventEntry.LONGS;
        }
        return at;
    }

    /**
     * One stable counting pass on the digit at {@code shift}; false (and nothing moved) if every
     * key has the same digit there, which leaves the order as it is.
     */
    private boolean distribute(long[] from, long[] to, int[] counts, int shift) {
        int total = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            int count = counts[digit];
            if (count == length) {
                return false;
            }
            counts[digit] = total;
            total += count;
        }
        for (int index = 0; index < length; index++) {
            long key = from[index];
            to[counts[(int) (key >>> shift) & DIGIT_MASK]++] = key;
        }
        return true;
    }

    /** Orders each run of equal sort keys by exact (time, tie key). */
    private void sortEqualKeys() {
        final long[] keys = sorted;
        int index = 1;
        while (index < length) {
            if ((keys[index] ^ keys[index - 1]) >>> 32 != 0) {
                index++;
                continue;
            }
            int start = index - 1;
            int end = index + 1;
            while (end < length && (keys[end] ^ keys[start]) >>> 32 == 0) {
                end++;
            }
            if (end - start <= INSERTION_SORT_MAX) {
                insertionSort(start, end, byTimeThenTie);
            } else if (!isSorted(start, end)) {
                LongArrays.quickSort(keys, start, end, byTimeThenTie);
            }
            index = end + 1;
        }
    }

    private boolean isSorted(int start, int end) {
        for (int index = start + 1; index < end; index++) {
            if (compareEntries(sorted[index], sorted[index - 1]) < 0) {
                return false;
            }
        }
        return true;
    }

    private void insertionSort(int start, int end, LongComparator order) {
        final long[] keys = sorted;
        for (int index = start + 1; index < end; index++) {
            long key = keys[index];
            int position = index;
            while (position > start && order.compare(key, keys[position - 1]) < 0) {
                keys[position] = keys[position - 1];
                position--;
            }
            keys[position] = key;
        }
    }

    private int compareEntries(long key, long otherKey) {
        int entry = (int) key;
        int other = (int) otherKey;
        int byTime = Long.compare(entries[entry + EventEntry.TIME], entries[other + EventEntry.TIME]);
        return byTime != 0 ? byTime
                : Long.compare(entries[entry + EventEntry.TIE], entries[other + EventEntry.TIE]);
    }
}
