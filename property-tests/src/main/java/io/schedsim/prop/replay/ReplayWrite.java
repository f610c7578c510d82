package io.schedsim.prop.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Atomic writes of replay files: a temporary {@code .replay-*.tmp} beside the target, made
 * readable by all (mode 0644, where the file system has modes: a temporary file starts at 0600),
 * then moved into place, so a replay file is either complete or absent. A sweep killed between
 * the two leaves its temporary file behind; the next sweep into that directory removes it.
 */
public final class ReplayWrite {
    static final String TEMP_PREFIX = ".replay-";
    static final String TEMP_SUFFIX = ".tmp";

    private ReplayWrite() {}

    /** Writes {@code text} to {@code target} atomically; returns the target. */
    public static Path atomically(String text, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Removes temporary files that killed writers left in {@code dir}; returns how many. */
    public static int removeStaleTemps(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                removed += Files.deleteIfExists(temp) ? 1 : 0;
            }
        }
        return removed;
    }
}
