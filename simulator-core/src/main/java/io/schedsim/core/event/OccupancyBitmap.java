package io.schedsim.core.event;

import java.util.Arrays;

/**
 * One bit per bucket, plus one bit per bitmap word, so that the next occupied bucket is found with
 * a handful of word scans however sparse the buckets are.
 */
final class OccupancyBitmap {
    private static final int BITS_PER_WORD_LOG2 = 6;

    private final long[] bits;
    private final long[] words;

    /** {@code bucketCount} is a multiple of 64. */
    OccupancyBitmap(int bucketCount) {
        int wordCount = bucketCount >>> BITS_PER_WORD_LOG2;
        bits = new long[wordCount];
        words = new long[Math.max(1, wordCount >>> BITS_PER_WORD_LOG2)];
    }

    void clearAll() {
        Arrays.fill(bits, 0L);
        Arrays.fill(words, 0L);
    }

    void set(int bucket) {
        int word = bucket >>> BITS_PER_WORD_LOG2;
        bits[word] |= 1L << bucket;
        words[word >>> BITS_PER_WORD_LOG2] |= 1L << word;
    }

    void clear(int bucket) {
        int word = bucket >>> BITS_PER_WORD_LOG2;
        long remaining = bits[word] & ~(1L << bucket);
        bits[word] = remaining;
        if (remaining == 0) {
            words[word >>> BITS_PER_WORD_LOG2] &= ~(1L << word);
        }
    }

    /** The first occupied bucket at or after {@code from} (which is in range); -1 if none. */
    int next(int from) {
        int word = from >>> BITS_PER_WORD_LOG2;
        long remaining = bits[word] & (-1L << from);
        if (remaining != 0) {
            return (word << BITS_PER_WORD_LOG2) | Long.numberOfTrailingZeros(remaining);
        }
        int next = nextWord(word + 1);
        return next < 0 ? -1
                : (next << BITS_PER_WORD_LOG2) | Long.numberOfTrailingZeros(bits[next]);
    }

    /** The first occupied bucket at or after {@code from}, wrapping around; -1 if all empty. */
    int nextWrapping(int from) {
        int next = next(from);
        return next >= 0 || from == 0 ? next : next(0);
    }

    /** The first bitmap word at or after {@code fromWord} with a bit set; -1 if none. */
    private int nextWord(int fromWord) {
        if (fromWord >= bits.length) {
            return -1;
        }
        int summary = fromWord >>> BITS_PER_WORD_LOG2;
        long remaining = words[summary] & (-1L << fromWord);
        while (remaining == 0) {
            if (++summary == words.length) {
                return -1;
            }
            remaining = words[summary];
        }
        return (summary << BITS_PER_WORD_LOG2) | Long.numberOfTrailingZeros(remaining);
    }
}
