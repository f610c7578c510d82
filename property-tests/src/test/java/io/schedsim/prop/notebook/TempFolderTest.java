package io.schedsim.prop.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A notebook's temporary folder is gone, files and sub-folders included, once closed. */
class TempFolderTest {
    @Test
    void closeDeletesEverythingInside() throws IOException {
        Path path;
        try (TempFolder folder = TempFolder.create("schedsim-temp-folder-test-")) {
            path = folder.path();
            Files.writeString(path.resolve("a.json"), "{}");
            Files.createDirectories(path.resolve("sub"));
            Files.writeString(path.resolve("sub/b.json"), "{}");
            assertEquals(1, folder.fileCount());
            assertTrue(Files.isDirectory(path));
        }
        assertFalse(Files.exists(path), path::toString);
    }
}
