package io.schedsim.history;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/history.md documents every event type with every one of its fields, and the version. */
class HistoryDocTest {
    @Test
    void everyTypeAndFieldIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "history.md"));
        assertTrue(doc.contains(HistoryFormat.VERSION_1));
        for (EventType type : EventType.values()) {
            String row = row(doc, "| `" + type.jsonName() + "` (`"
                    + type.recordClass().getSimpleName() + "`) |");
            assertNotNull(row, type.jsonName() + " has no row in docs/history.md");
            for (RecordComponent component : type.recordClass().getRecordComponents()) {
                if (!component.getName().equals("atNanos")) {
                    assertTrue(row.contains("`" + component.getName() + "`"),
                            type.jsonName() + " row lacks field " + component.getName());
                }
            }
        }
    }

    private static String row(String doc, String start) {
        for (String line : doc.split("\n")) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        return null;
    }
}
