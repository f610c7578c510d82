package io.schedsim.model.placement;

import io.schedsim.core.check.Check;

/**
 * A set of node slots, each with an integer score level, ordered by (level, slot), that answers
 * "the r-th member in that order" in O(log n). Members are bits of one bitset keyed by
 * {@code level × slotCapacity + slot}, the capacity a power of two so that a key splits into level
 * and slot without a division. A Fenwick tree over the member counts of 512-bit blocks finds the
 * block holding the r-th member, popcounts find its word, and a select within the word finishes
 * the query. Blocks keep the tree small enough to stay in cache (130 KB at 1,025 levels and
 * 10,000 nodes, that is 16,384 slots, beside a 2.1 MB bitset of which an update touches one word).
 *
 * <p>Slot capacity doubles when a larger slot joins (rebuild in O(members + blocks)). Not
 * thread-safe; allocation-free except when growing.
 */
final class RankedNodeSet {
    static final int ABSENT = -1;
    private static final int BLOCK_SHIFT = 9;
    private static final int WORDS_PER_BLOCK = 1 << (BLOCK_SHIFT - 6);

    private final int levelCount;
    private int slotCapacity;
    private int slotCapacityLog2;
    private int[] levelOf;
    private long[] words;
    private int[] fenwick;
    private int fenwickTop;
    private int fenwickSize;
    private int size;

    RankedNodeSet(int levelCount, int initialSlotCapacity) {
        Check.that(levelCount > 0, "level count must be positive", levelCount);
        this.levelCount = levelCount;
        allocate(Math.max(64, Integer.highestOneBit(Math.max(1, initialSlotCapacity - 1)) << 1));
        java.util.Arrays.fill(levelOf, ABSENT);
    }

    int size() {
        return size;
    }

    /** The member's level, or {@link #ABSENT}. */
    int levelOf(int slot) {
        return slot < slotCapacity ? levelOf[slot] : ABSENT;
    }

    boolean contains(int slot) {
        return levelOf(slot) != ABSENT;
    }

    /** Adds {@code slot} at {@code level}, or moves it there; no-op if it is already there. */
    void put(int slot, int level) {
        Check.inRange(level, 0, levelCount - 1, "score level");
        Check.that(slot >= 0, "negative slot", slot);
        if (slot >= slotCapacity) {
            grow(slot);
        }
        int old = levelOf[slot];
        if (old == level) {
            return;
        }
        if (old != ABSENT) {
            clearKey(key(old, slot));
            size--;
        }
        levelOf[slot] = level;
        setKey(key(level, slot));
        size++;
    }

    /** Removes {@code slot}; no-op if absent. */
    void remove(int slot) {
        int old = levelOf(slot);
        if (old == ABSENT) {
            return;
        }
        clearKey(key(old, slot));
        levelOf[slot] = ABSENT;
        size--;
    }

    /** The slot of rank {@code rank} (0-based) in (level, slot) order. */
    int select(int rank) {
        Check.inRange(rank, 0, size - 1, "rank");
        int block = 0;
        int remaining = rank;
        // Nodes past the last block hold MAX_VALUE, so no bound check; the selects below are
        // data-dependent, and written so the JIT can turn them into conditional moves.
        for (int step = fenwickTop; step > 0; step >>>= 1) {
            int next = block + step;
            int count = fenwick[next];
            boolean skip = count <= remaining;
            block = skip ? next : block;
            remaining = skip ? remaining - count : remaining;
        }
        // block is now the 0-based index of the block that holds the member.
        int word = block * WORDS_PER_BLOCK;
        int count = Long.bitCount(words[word]);
        while (remaining >= count) {
            remaining -= count;
            count = Long.bitCount(words[++word]);
        }
        long key = ((long) word << 6) + selectInWord(words[word], remaining);
        return (int) key & (slotCapacity - 1);
    }

    /** Position of the set bit of rank {@code rank} in {@code bits}, halving the search. */
    private static int selectInWord(long bits, int rank) {
        int position = 0;
        for (int width = 32; width >= 8; width >>>= 1) {
            int low = Long.bitCount(bits & ((1L << width) - 1));
            boolean skip = low <= rank;
            rank = skip ? rank - low : rank;
            bits = skip ? bits >>> width : bits;
            position = skip ? position + width : position;
        }
        for (int i = 0; i < rank; i++) {
            bits &= bits - 1;
        }
        return position + Long.numberOfTrailingZeros(bits);
    }

    /** Level of the first member in order; the set must not be empty. */
    int minLevel() {
        return levelOf[select(0)];
    }

    private long key(int level, int slot) {
        return ((long) level << slotCapacityLog2) | slot;
    }

    private void setKey(long key) {
        int word = (int) (key >>> 6);
        long bit = 1L << (key & 63);
        Check.that((words[word] & bit) == 0, "ranked set key already present", key);
        words[word] |= bit;
        fenwickAdd((int) (key >>> BLOCK_SHIFT), 1);
    }

    private void clearKey(long key) {
        int word = (int) (key >>> 6);
        long bit = 1L << (key & 63);
        Check.that((words[word] & bit) != 0, "ranked set key missing", key);
        words[word] &= ~bit;
        fenwickAdd((int) (key >>> BLOCK_SHIFT), -1);
    }

    private void fenwickAdd(int block, int delta) {
        for (int i = block + 1; i < fenwickSize; i += i & -i) {
            fenwick[i] += delta;
        }
    }

    private void allocate(int capacity) {
        Check.that(Integer.bitCount(capacity) == 1, "slot capacity not a power of two", capacity);
        slotCapacity = capacity;
        slotCapacityLog2 = Integer.numberOfTrailingZeros(capacity);
        levelOf = new int[capacity];
        long bitCount = (long) levelCount * capacity;
        Check.that(bitCount <= (1L << 36), "ranked set too large", bitCount);
        int blocks = (int) ((bitCount + (1L << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT);
        words = new long[blocks * WORDS_PER_BLOCK];
        fenwickTop = Integer.highestOneBit(blocks);
        fenwickSize = blocks + 1;
        // The descent in select reaches index 2 * fenwickTop - 1 at most.
        fenwick = new int[Math.max(fenwickSize, 2 * fenwickTop)];
        java.util.Arrays.fill(fenwick, fenwickSize, fenwick.length, Integer.MAX_VALUE);
    }

    private void grow(int slot) {
        int[] oldLevels = levelOf;
        int oldCapacity = slotCapacity;
        int capacity = oldCapacity;
        while (capacity <= slot) {
            capacity *= 2;
        }
        allocate(capacity);
        java.util.Arrays.fill(levelOf, ABSENT);
        System.arraycopy(oldLevels, 0, levelOf, 0, oldCapacity);
        for (int s = 0; s < oldCapacity; s++) {
            if (levelOf[s] != ABSENT) {
                long key = key(levelOf[s], s);
                words[(int) (key >>> 6)] |= 1L << (key & 63);
            }
        }
        // Linear Fenwick build: each node adds its block's count and pushes its sum to its parent.
        for (int i = 1; i < fenwickSize; i++) {
            for (int w = (i - 1) * WORDS_PER_BLOCK; w < i * WORDS_PER_BLOCK; w++) {
                fenwick[i] += Long.bitCount(words[w]);
            }
            int parent = i + (i & -i);
            if (parent < fenwickSize) {
                fenwick[parent] += fenwick[i];
            }
        }
    }
}
