package io.schedsim.cli.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so a progress line can be rewritten in place. */
public final class Terminal {
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {}

    /**
     * On Linux, where file descriptor 2 points (a tty or pty means a terminal, even when stdout is
     * redirected to a file); elsewhere, whether the JVM has a console at all.
     */
    public static boolean stderrIsTerminal() {
        try {
            if (Files.isSymbolicLink(STDERR_LINK)) {
                String target = Files.readSymbolicLink(STDERR_LINK).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // Fall back to the console check below.
        }
        return System.console() != null;
    }
}
