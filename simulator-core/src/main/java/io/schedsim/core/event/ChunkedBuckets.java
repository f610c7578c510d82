package io.schedsim.core.event;

import java.util.Arrays;

/**
 * Buckets of unsorted events, each a list of fixed-size chunks drawn from a shared pool. Filing an
 * event appends it to its bucket's last chunk, so the writes of each bucket run through
 * consecutive memory and only the buckets' last chunks need to stay in cache. A bucket that comes
 * due is detached whole: its chunks stay where they are while the queue reads them in sorted
 * order, then go back to the pool, where the next appends reuse them while they are still in
 * cache. Entries are {@link EventEntry} rows.
 */
final class ChunkedBuckets {
    static final int NO_CHUNK = -1;
    private static final int CHUNK_ENTRIES_LOG2 = 5;
    static final int CHUNK_ENTRIES = 1 << CHUNK_ENTRIES_LOG2;
    private static final int CHUNK_LONGS = CHUNK_ENTRIES * EventEntry.LONGS;
    private static final int CHUNKS_INITIAL = 16;

    private long[] chunkEntries = new long[CHUNKS_INITIAL * CHUNK_LONGS];
    private int[] chunkNext = new int[CHUNKS_INITIAL];
    private int[] chunkFill = new int[CHUNKS_INITIAL];
    private int[] freeChunks = new int[CHUNKS_INITIAL];
    private int freeChunkCount;
    private int chunksUsed;

    private final int[] heads;
    private final int[] tails;
    private final OccupancyBitmap occupancy;
    private int count;

    /** {@code bucketCount} is a power of two, at least 64. */
    ChunkedBuckets(int bucketCount) {
        heads = new int[bucketCount];
        tails = new int[bucketCount];
        Arrays.fill(heads, NO_CHUNK);
        Arrays.fill(tails, NO_CHUNK);
        occupancy = new OccupancyBitmap(bucketCount);
    }

    int bucketCount() {
        return heads.length;
    }

    /** Events held in attached buckets. */
    int count() {
        return count;
    }

    void add(int bucket, long time, long tie, long handle, long payload, long kindEntity) {
        int tail = tails[bucket];
        if (tail == NO_CHUNK || chunkFill[tail] == CHUNK_ENTRIES) {
            tail = appendChunk(bucket, tail);
        }
        EventEntry.write(chunkEntries, entryAt(tail, chunkFill[tail]++), time, tie, handle,
                payload, kindEntity);
        count++;
    }

    /** Links a fresh chunk after {@code tail} (or as the first of an empty bucket). */
    private int appendChunk(int bucket, int tail) {
        int chunk = allocateChunk();
        if (tail == NO_CHUNK) {
            heads[bucket] = chunk;
            occupancy.set(bucket);
        } else {
            chunkNext[tail] = chunk;
        }
        tails[bucket] = chunk;
        return chunk;
    }

    /**
     * Empties a bucket but keeps its chunks out of the pool, and returns the first of them; the
     * caller reads them and hands them back with {@link #releaseChunks}.
     */
    int detach(int bucket) {
        int head = heads[bucket];
        for (int chunk = head; chunk != NO_CHUNK; chunk = chunkNext[chunk]) {
            count -= chunkFill[chunk];
        }
        heads[bucket] = NO_CHUNK;
        tails[bucket] = NO_CHUNK;
        occupancy.clear(bucket);
        return head;
    }

    /** Returns a detached list of chunks to the pool. */
    void releaseChunks(int head) {
        for (int chunk = head; chunk != NO_CHUNK; chunk = chunkNext[chunk]) {
            freeChunks[freeChunkCount++] = chunk;
        }
    }

    int nextChunk(int chunk) {
        return chunkNext[chunk];
    }

    int fill(int chunk) {
        return chunkFill[chunk];
    }

    /** Offset in {@link #entries()} of entry {@code index} of {@code chunk}. */
    static int entryAt(int chunk, int index) {
        return chunk * CHUNK_LONGS + index * EventEntry.LONGS;
    }

    /** The entry rows; re-read after any {@link #add}, which may grow the array. */
    long[] entries() {
        return chunkEntries;
    }

    /** Copies every attached entry to {@code dest} from {@code at}; returns the end. */
    int copyEntriesTo(long[] dest, int at) {
        for (int bucket = 0; bucket < heads.length; bucket++) {
            for (int chunk = heads[bucket]; chunk != NO_CHUNK; chunk = chunkNext[chunk]) {
                int length = chunkFill[chunk] * EventEntry.LONGS;
                System.arraycopy(chunkEntries, entryAt(chunk, 0), dest, at, length);
                at += length;
            }
        }
        return at;
    }

    /** Empties every bucket and returns their chunks to the pool. */
    void clearAll() {
        for (int bucket = 0; bucket < heads.length; bucket++) {
            if (heads[bucket] != NO_CHUNK) {
                releaseChunks(detach(bucket));
            }
        }
    }

    /** The first non-empty bucket at or after {@code from}, wrapping around; -1 if all empty. */
    int nextOccupied(int from) {
        return occupancy.nextWrapping(from);
    }

    private int allocateChunk() {
        int chunk;
        if (freeChunkCount > 0) {
            chunk = freeChunks[--freeChunkCount];
        } else {
            if (chunksUsed == chunkNext.length) {
                growChunks();
            }
            chunk = chunksUsed++;
        }
        chunkNext[chunk] = NO_CHUNK;
        chunkFill[chunk] = 0;
        return chunk;
    }

    private void growChunks() {
        int capacity = 2 * chunkNext.length;
        chunkEntries = Arrays.copyOf(chunkEntries, capacity * CHUNK_LONGS);
        chunkNext = Arrays.copyOf(chunkNext, capacity);
        chunkFill = Arrays.copyOf(chunkFill, capacity);
        freeChunks = Arrays.copyOf(freeChunks, capacity);
    }
}
