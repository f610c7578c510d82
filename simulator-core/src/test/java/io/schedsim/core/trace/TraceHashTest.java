package io.schedsim.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The hash chain's printed form and its sensitivity to every folded field. */
class TraceHashTest {

    @Test
    void hexIsSixteenLowerCaseDigits() {
        assertEquals("0000000000000000", TraceHash.hex(0));
        assertEquals("0000000000000001", TraceHash.hex(1));
        assertEquals("ffffffffffffffff", TraceHash.hex(-1));
        assertEquals("8000000000000000", TraceHash.hex(Long.MIN_VALUE));
        assertEquals("5ced51a000000001", TraceHash.hex(TraceHash.INITIAL));
    }

    @Test
    void everyFieldChangesTheFold() {
        long base = TraceHash.fold(TraceHash.INITIAL, 3, 1_000, 77, 5, 9);
        assertEquals(base, TraceHash.fold(TraceHash.INITIAL, 3, 1_000, 77, 5, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL + 1, 3, 1_000, 77, 5, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL, 4, 1_000, 77, 5, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL, 3, 1_001, 77, 5, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL, 3, 1_000, 78, 5, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL, 3, 1_000, 77, 6, 9));
        assertNotEquals(base, TraceHash.fold(TraceHash.INITIAL, 3, 1_000, 77, 5, 10));
    }

    @Test
    void swappedFieldsChangeTheFold() {
        // The order of the fields is part of the format, so equal values in other places differ.
        assertNotEquals(TraceHash.fold(TraceHash.INITIAL, 1, 2, 3, 4, 5),
                TraceHash.fold(TraceHash.INITIAL, 2, 1, 3, 4, 5));
        assertNotEquals(TraceHash.fold(TraceHash.INITIAL, 1, 2, 3, 4, 5),
                TraceHash.fold(TraceHash.INITIAL, 1, 2, 3, 5, 4));
    }
}
