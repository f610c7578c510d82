package io.schedsim.monitor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Ids map to indices through the dense array below its limit and a hash map above it, and an id
 * never put reads -1 on both paths (MON-2 depends on "unknown" being told apart).
 */
class IdIndexTest {
    @Test
    void denseIdsGrowTheArrayAndGapsStayUnknown() {
        IdIndex index = new IdIndex();
        index.put(0, 7);
        index.put(1_000, 8);
        assertEquals(7, index.get(0));
        assertEquals(8, index.get(1_000));
        assertEquals(-1, index.get(999));
        assertEquals(-1, index.get(1_001));
        assertEquals(-1, index.get(IdIndex.DENSE_LIMIT - 1));
    }

    @Test
    void idsPastTheDenseLimitGoToTheMap() {
        IdIndex index = new IdIndex();
        assertEquals(-1, index.get(IdIndex.DENSE_LIMIT));
        index.put(IdIndex.DENSE_LIMIT, 1);
        index.put(Long.MAX_VALUE, 2);
        assertEquals(1, index.get(IdIndex.DENSE_LIMIT));
        assertEquals(2, index.get(Long.MAX_VALUE));
        assertEquals(-1, index.get(IdIndex.DENSE_LIMIT + 1));
        assertEquals(-1, index.get(0), "the map does not answer for dense ids");
    }
}
