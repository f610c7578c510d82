package io.schedsim.core.event;

import java.util.Arrays;

/**
 * Coarse buckets of unsorted events, each a list of fixed-size chunks drawn from a shared pool.
 * Filing an event appends it to its bucket's last chunk, so the writes of each bucket run through
 * consecutive memory; draining a bucket reads its chunks in order and returns them to the pool,
 * where the next appends reuse them while they are still in cache. Entries carry the whole event
 * (time, handle, payload, packed kind/entity), as in {@link BucketRing}.
 */
final class ChunkedBuckets {
    static final int NO_CHUNK = -1;
    private static final int CHUNK_ENTRIES_LOG2 = 5;
    private static final int CHUNK_ENTRIES = 1 << CHUNK_ENTRIES_LOG2;
    private static final int ENTRY_LONGS_LOG2 = 2;
    private static final int CHUNKS_INITIAL = 16;

    private long[] chunkEntries = new long[(CHUNKS_INITIAL * CHUNK_ENTRIES) << ENTRY_LONGS_LOG2];
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

    /** Events held. */
    int count() {
        return count;
    }

    void add(int bucket, long time, long handle, long payload, long kindEntity) {
        int tail = tails[bucket];
        if (tail == NO_CHUNK || chunkFill[tail] == CHUNK_ENTRIES) {
            int chunk = allocateChunk();
            if (tail == NO_CHUNK) {
                heads[bucket] = chunk;
                occupancy.set(bucket);
            } else {
                chunkNext[tail] = chunk;
            }
            tails[bucket] = chunk;
            tail = chunk;
        }
        int filled = chunkFill[tail]++;
        int entry = entryAt(tail, filled);
        chunkEntries[entry] = time;
        chunkEntries[entry + 1] = handle;
        chunkEntries[entry + 2] = payload;
        chunkEntries[entry + 3] = kindEntity;
        count++;
    }

    /** First chunk of a bucket's list, {@link #NO_CHUNK} if empty. */
    int firstChunk(int bucket) {
        return heads[bucket];
    }

    int nextChunk(int chunk) {
        return chunkNext[chunk];
    }

    int fill(int chunk) {
        return chunkFill[chunk];
    }

    /** Offset in {@link #entries()} of entry {@code index} of {@code chunk}. */
    static int entryAt(int chunk, int index) {
        return ((chunk << CHUNK_ENTRIES_LOG2) + index) << ENTRY_LONGS_LOG2;
    }

    long[] entries() {
        return chunkEntries;
    }

    /** Empties a bucket (after the caller has read it) and returns its chunks to the pool. */
    void clear(int bucket) {
        for (int chunk = heads[bucket]; chunk != NO_CHUNK; chunk = chunkNext[chunk]) {
            count -= chunkFill[chunk];
            freeChunks[freeChunkCount++] = chunk;
        }
        heads[bucket] = NO_CHUNK;
        tails[bucket] = NO_CHUNK;
        occupancy.clear(bucket);
    }

    /** Copies every entry to {@code dest} from {@code at}; returns the end. */
    int copyEntriesTo(long[] dest, int at) {
        for (int bucket = 0; bucket < heads.length; bucket++) {
            for (int chunk = heads[bucket]; chunk != NO_CHUNK; chunk = chunkNext[chunk]) {
                int length = chunkFill[chunk] << ENTRY_LONGS_LOG2;
                System.arraycopy(chunkEntries, entryAt(chunk, 0), dest, at, length);
                at += length;
            }
        }
        return at;
    }

    /** Empties every bucket. */
    void clearAll() {
        for (int bucket = 0; bucket < heads.length; bucket++) {
            if (heads[bucket] != NO_CHUNK) {
                clear(bucket);
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
        chunkEntries = Arrays.copyOf(chunkEntries, (capacity * CHUNK_ENTRIES) << ENTRY_LONGS_LOG2);
        chunkNext = Arrays.copyOf(chunkNext, capacity);
        chunkFill = Arrays.copyOf(chunkFill, capacity);
        freeChunks = Arrays.copyOf(freeChunks, capacity);
    }
}
