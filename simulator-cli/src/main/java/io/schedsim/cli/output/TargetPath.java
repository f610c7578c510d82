package io.schedsim.cli.output;

import io.schedsim.prop.scenario.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Resolves and checks the target of an output option, before anything is written. */
final class TargetPath {
    private TargetPath() {}

    /** The absolute target (symbolic links followed) whose directory exists and is writable. */
    static Path resolve(String option, String pathText) {
        Path target;
        try {
            target = Path.of(pathText).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw OutputFile.cannotWrite(option, pathText, "invalid path");
        }
        if (pathText.isBlank() || target.getParent() == null || target.getFileName() == null) {
            throw OutputFile.cannotWrite(option, pathText, "not a file name");
        }
        if (Files.isSymbolicLink(target)) {
            target = followLink(option, pathText, target);
        }
        Path directory = target.getParent();
        if (Files.isDirectory(target)) {
            throw OutputFile.cannotWrite(option, pathText, "is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // Renaming over a device or a pipe would replace it rather than write into it.
            throw OutputFile.cannotWrite(option, pathText, "not a regular file");
        }
        if (!Files.exists(directory)) {
            throw OutputFile.cannotWrite(option, pathText, "directory " + directory
                    + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw OutputFile.cannotWrite(option, pathText, directory + " is not a directory");
        }
        if (!Files.isWritable(directory)) {
            throw OutputFile.cannotWrite(option, pathText, "directory " + directory
                    + " is not writable");
        }
        return target;
    }

    private static Path followLink(String option, String pathText, Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            // A dangling link: write where it points.
            try {
                return link.resolveSibling(Files.readSymbolicLink(link)).normalize();
            } catch (IOException unreadable) {
                throw OutputFile.cannotWrite(option, pathText, reason(unreadable));
            }
        }
    }

    /** A short reason for an I/O failure, without the exception's class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
