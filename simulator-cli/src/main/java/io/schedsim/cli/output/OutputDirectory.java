package io.schedsim.cli.output;

import io.schedsim.prop.scenario.InputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks that a directory option (e.g. {@code sweep --out}) can be created or written into. */
public final class OutputDirectory {
    private OutputDirectory() {}

    /** The absolute directory; it need not exist yet, but its nearest existing ancestor must. */
    public static Path check(String option, String pathText) {
        Path directory;
        try {
            directory = Path.of(pathText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw cannotWrite(option, pathText, "invalid path");
        }
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw cannotWrite(option, pathText, "no existing parent directory");
        }
        if (!Files.isDirectory(existing)) {
            throw cannotWrite(option, pathText, existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw cannotWrite(option, pathText, "directory " + existing + " is not writable");
        }
        return directory;
    }

    private static InputException cannotWrite(String option, String pathText, String reason) {
        return new InputException(option + ": cannot write " + pathText + ": " + reason);
    }
}
