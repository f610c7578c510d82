package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 replay files, each a valid one with one value replaced by something hostile (a huge or
 * negative number, a fraction, a wrong type, deep nesting, ...): replay never fails internally
 * (exit 3) and every refusal is exit 2 with one {@code schedsim: } line. Seeded, so a failure
 * names its file and repeats.
 */
class ReplayFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HOSTILE = {"9223372036854775807", "9223372036854775000",
        "-9223372036854775808", "-1", "-5", "0", "1.5", "60000.5", "1e30", "\"text\"", "null",
        "true", "[]", "{}", "12", "2147483648", "[".repeat(40) + "]".repeat(40),
        "{\"a\":".repeat(40) + "1" + "}".repeat(40)};

    @TempDir
    Path dir;

    @Test
    void hostileValuesAreExitTwoWithOneLineNeverACrash() throws IOException {
        Path good = ReplayFixtures.write(dir.resolve("good.json"), null, null);
        JsonNode template = JSON.readTree(good.toFile());
        List<String> pointers = new ArrayList<>();
        collect(template, "", pointers);
        SplittableRandom random = new SplittableRandom(16);
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            ObjectNode root = template.deepCopy();
            String pointer = pointers.get(random.nextInt(pointers.size()));
            String value = HOSTILE[random.nextInt(HOSTILE.length)];
            replace(root, pointer, value);
            Path file = Files.writeString(dir.resolve("fuzz-" + i + ".json"),
                    JSON.writeValueAsString(root));
            CliRun run = CliRun.of("replay", file.toString());
            String what = pointer + " = " + value + "\n" + run;
            assertTrue(run.exitCode() != ExitCode.INTERNAL, what);
            if (run.exitCode() == ExitCode.INPUT) {
                refused++;
                assertEquals(1, run.errLines().size(), what);
                assertTrue(run.err().startsWith("schedsim: replay file "), what);
                assertEquals("", run.out(), what);
            }
        }
        assertTrue(refused > 100, "most hostile values are refused: " + refused);
    }

    /** JSON pointers of every value in the tree (leaves and containers, not the root). */
    private static void collect(JsonNode node, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collect(node.get(name), pointer + "/" + name, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static void replace(ObjectNode root, String pointer, String value) throws IOException {
        int slash = pointer.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode replacement = JSON.readTree(value);
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), replacement);
        }
    }
}
