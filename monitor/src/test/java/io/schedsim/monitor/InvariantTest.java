package io.schedsim.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Invariant enum covers SEMANTICS §6 exactly once, with kinds and meanings. */
class InvariantTest {
    @Test
    void everySemanticsInvariantHasOneConstant() {
        for (int i = 1; i <= 28; i++) {
            Invariant invariant = Invariant.byId("INV-" + i);
            assertNotNull(invariant, "INV-" + i);
            Invariant.Kind expected = i >= 23 ? Invariant.Kind.LIVENESS : Invariant.Kind.SAFETY;
            assertEquals(expected, invariant.kind(), invariant.id());
        }
        assertEquals(null, Invariant.byId("INV-29"));
    }

    @Test
    void idsAreUniqueAndMeaningsOneLine() {
        Set<String> ids = new LinkedHashSet<>();
        for (Invariant invariant : Invariant.values()) {
            assertTrue(ids.add(invariant.id()), invariant.id());
            assertTrue(invariant.id().matches("(INV|N|R|MON)-\\d+"), invariant.id());
            assertFalse(invariant.meaning().isBlank());
            assertFalse(invariant.meaning().contains("\n"));
        }
        assertEquals(Invariant.MONITOR_DISAGREEMENT, Invariant.byId("MON-1"));
    }
}
