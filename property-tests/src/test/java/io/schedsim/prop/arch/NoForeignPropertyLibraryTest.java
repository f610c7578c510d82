package io.schedsim.prop.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The property search is this project's own engine (README, design notes): the jqwik library is
 * not used in any version, so none of its classes may be on the test classpath.
 */
class NoForeignPropertyLibraryTest {
    @Test
    void jqwikIsNotOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("net.jqwik.api.Property"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("net.jqwik.engine.JqwikTestEngine"));
    }
}
