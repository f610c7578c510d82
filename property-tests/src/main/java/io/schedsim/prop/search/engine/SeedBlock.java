package io.schedsim.prop.search.engine;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Consecutive seeds {@code first..last}, inclusive: what an engine hands a {@link BlockWork}. */
public record SeedBlock(long first, long last) implements Serializable {
    public SeedBlock {
        if (first > last) {
            throw new IllegalArgumentException("empty seed block " + first + ".." + last);
        }
    }

    public long size() {
        return last - first + 1;
    }

    /**
     * The range {@code first..last} cut into blocks of {@code blockSeeds} (the last one shorter),
     * lazily: a time-bounded sweep's range reaches almost {@code Long.MAX_VALUE}. The caller keeps
     * {@code last + blockSeeds} clear of overflow. Not thread-safe.
     */
    public static Iterator<SeedBlock> split(long first, long last, int blockSeeds) {
        if (blockSeeds < 1) {
            throw new IllegalArgumentException("blockSeeds must be at least 1: " + blockSeeds);
        }
        return new Iterator<>() {
            private long next = first;

            @Override
            public boolean hasNext() {
                return next <= last;
            }

            @Override
            public SeedBlock next() {
                if (next > last) {
                    throw new NoSuchElementException();
                }
                SeedBlock block = new SeedBlock(next, Math.min(last, next + blockSeeds - 1));
                next = block.last() + 1;
                return block;
            }
        };
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
