package io.schedsim.cli.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What every schedsim jshell session starts with: the project's classpath and its imports. */
final class Startup {
    private static final String IMPORTS = "/io/schedsim/cli/jshell/startup.jsh";

    private Startup() {}

    /** The classpath of this JVM: the CLI's shaded jar, or the build's class directories. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The import lines of {@code startup.jsh}. */
    static String imports() {
        try (InputStream in = Startup.class.getResourceAsStream(IMPORTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + IMPORTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
