package io.schedsim.cli.output;

import io.schedsim.prop.scenario.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file that appears complete or not at all. {@link #prepare} checks the target and creates a
 * temp file beside it (so an unwritable place fails before any work is done); the caller writes the
 * temp file, then {@link #commit()} renames it over the target atomically. {@link #close()} deletes
 * the temp file unless it was committed; the JVM deletes it on exit as well (e.g. on Ctrl-C).
 */
public final class OutputFile implements AutoCloseable {
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    private static final int TEMP_NAME_PREFIX_MAX = 64;

    private final String option;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFile(String option, Path target, Path temp) {
        this.option = option;
        this.target = target;
        this.temp = temp;
    }

    /** Checks that {@code pathText} can be written and creates its temp file, or says why not. */
    public static OutputFile prepare(String option, String pathText) {
        Path target = TargetPath.resolve(option, pathText);
        Path directory = target.getParent();
        for (long attempt = 0; ; attempt++) {
            Path temp = directory.resolve(tempName(target));
            try {
                Files.createFile(temp);
                temp.toFile().deleteOnExit();
                return new OutputFile(option, target, temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw cannotWrite(option, pathText, "cannot create a temp file beside it");
                }
            } catch (AccessDeniedException e) {
                throw cannotWrite(option, pathText, "permission denied");
            } catch (IOException e) {
                throw cannotWrite(option, pathText, TargetPath.reason(e));
            }
        }
    }

    private static String tempName(Path target) {
        String name = target.getFileName().toString();
        if (name.length() > TEMP_NAME_PREFIX_MAX) {
            name = name.substring(0, TEMP_NAME_PREFIX_MAX);
        }
        return "." + name + "." + ProcessHandle.current().pid() + "-"
                + TEMP_COUNTER.incrementAndGet() + ".tmp";
    }

    static InputException cannotWrite(String option, String pathText, String reason) {
        return new InputException(option + ": cannot write " + pathText + ": " + reason);
    }

    public Path target() {
        return target;
    }

    /** The option this file was given with, e.g. {@code --trace}. */
    public String option() {
        return option;
    }

    /** The temp file being written; it becomes {@link #target()} on commit. */
    public Path temp() {
        return temp;
    }

    /** A buffered stream over the temp file; the caller closes it before committing. */
    public OutputStream openStream() {
        try {
            return new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeString(String text) {
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames the temp file over the target in one step. */
    public void commit() {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw cannotWrite(option, target.toString(), TargetPath.reason(e));
        }
    }

    /** Deletes the temp file unless it was committed; never throws. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | RuntimeException e) {
            temp.toFile().deleteOnExit();
        }
    }
}
