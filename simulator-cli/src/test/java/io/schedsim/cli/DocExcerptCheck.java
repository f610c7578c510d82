package io.schedsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link DocExcerpt} in-process (the CLI's {@code Main.execute} against the built-in
 * catalogs) and compares what it printed with the text: every field that does not depend on the
 * machine (trace hash, events, counts, violations, messages, exit status) must be as shown; wall
 * times and rates are masked. Text output matches line by line, in order, lines may be left out
 * and a line with "..." stands for what the text elides. JSON output matches field by field: a
 * {@code "...": ...} member or array element elides, and trailing commas are allowed.
 *
 * <p>Paths: an argument naming a file under the repository root is passed with its absolute
 * path; the files a command writes ({@code --out}, {@code --trace}, {@code --timeline},
 * {@code --perfetto}, {@code --history}; a sweep's default {@code --out}) go to a scratch folder. Both are mapped
 * back to the text's spelling in the output.
 */
final class DocExcerptCheck {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Set<String> WRITTEN = Set.of("--out", "--trace", "--timeline",
            "--perfetto", "--history");
    private static final Set<String> WALL_TIME_FIELDS = Set.of("wallMillis",
            "firstFailureMillis", "foundAtMillis");
    private static final String[][] WALL_TIME_TEXT = {
        {"[\\d,]+ ms wall", "# ms wall"},
        {"in [\\d.]+ s \\([\\d,.]+/s on (\\d+) thread", "in # s (#/s on $1 thread"},
        {"first after [\\d,]+ ms", "first after # ms"}};
    private static final String ELISION = "...";

    private final Path root;
    private final Path scratch;
    private int runs;

    DocExcerptCheck(Path root, Path scratch) {
        this.root = root;
        this.scratch = scratch;
    }

    /** True for excerpts there is nothing to run for: no output shown, or an interactive shell. */
    static boolean unchecked(DocExcerpt excerpt) {
        List<String> words = excerpt.words();
        boolean interactive = words.size() == 1 && words.get(0).equals("jshell");
        return excerpt.output().isEmpty() || interactive;
    }

    /** Null when the excerpt matches a real run; otherwise what differs, in a few lines. */
    String check(DocExcerpt excerpt) {
        Map<String, String> shownAs = new LinkedHashMap<>();
        boolean stdout = true;
        boolean stderr = true;
        List<String> args = new ArrayList<>();
        List<String> words = excerpt.words();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals(">/dev/null")) {
                stdout = false;
            } else if (word.equals("2>/dev/null")) {
                stderr = false;
            } else if (word.equals("2>&1")) {
                continue;
            } else if (WRITTEN.contains(word) && i + 1 < words.size()) {
                args.add(word);
                args.add(scratchFor(words.get(++i), shownAs));
            } else {
                args.add(inputPath(word, shownAs));
            }
        }
        if (args.get(0).equals("sweep") && !args.contains("--out")) {
            args.add("--out");
            args.add(scratchFor("target/schedsim-failures/", shownAs));
        }
        CliRun run = CliRun.builtIn(args.toArray(new String[0]));
        String printed = (stdout ? run.out() : "") + (stderr ? run.err() : "");
        for (Map.Entry<String, String> path : shownAs.entrySet()) {
            printed = printed.replace(path.getKey(), path.getValue());
        }
        List<String> problems = new ArrayList<>();
        if (excerpt.exitCode() != null && excerpt.exitCode() != run.exitCode()) {
            problems.add("exit status: the text says " + excerpt.exitCode() + ", the run gave "
                    + run.exitCode());
        }
        String json = firstContent(excerpt.output());
        if (json.startsWith("{") || json.startsWith("[")) {
            compareJson(excerpt.output(), printed, problems);
        } else {
            compareText(excerpt.output(), printed, problems);
        }
        if (problems.isEmpty()) {
            return null;
        }
        return excerpt + "\n  " + String.join("\n  ", problems) + "\n--- the run printed:\n"
                + printed;
    }

    /** An input file under the repository root, by its absolute path; anything else as is. */
    private String inputPath(String word, Map<String, String> shownAs) {
        if (word.startsWith("-") || word.startsWith("/") || !word.contains("/")) {
            return word;
        }
        Path file = root.resolve(word);
        if (!Files.exists(file)) {
            return word;
        }
        shownAs.put(file.toString(), word);
        return file.toString();
    }

    /** A file or folder the command writes, moved to the scratch folder if it could be written. */
    private String scratchFor(String word, Map<String, String> shownAs) {
        Path target = root.resolve(word);
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return word;
        }
        Path moved = scratch.resolve("run" + (++runs)).resolve(target.getFileName());
        try {
            Files.createDirectories(moved.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shownAs.put(moved.toString(), stripSlash(word));
        return word.endsWith("/") ? moved + "/" : moved.toString();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String firstContent(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** Every shown line, wall times masked, appears in the printed lines in the same order. */
    static void compareText(List<String> shown, String printed, List<String> problems) {
        List<String> actual = printed.lines().map(DocExcerptCheck::mask).toList();
        int next = 0;
        for (String line : shown) {
            if (line.isBlank() || line.contains(ELISION)) {
                continue;
            }
            String wanted = mask(line);
            int found = -1;
            for (int i = next; i < actual.size(); i++) {
                if (actual.get(i).equals(wanted)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                problems.add("the text shows:     " + line.strip() + "\n  the run printed:    "
                        + closest(wanted, actual));
                return;
            }
            next = found + 1;
        }
    }

    /** The printed line that starts like {@code wanted} (same first word), or a note. */
    private static String closest(String wanted, List<String> actual) {
        String label = wanted.strip().split("\\s+", 2)[0];
        for (String line : actual) {
            if (line.strip().startsWith(label)) {
                return line.strip();
            }
        }
        return "(no line starting '" + label + "')";
    }

    private static String mask(String line) {
        String masked = line.stripTrailing();
        for (String[] rule : WALL_TIME_TEXT) {
            masked = masked.replaceAll(rule[0], rule[1]);
        }
        return masked;
    }

    /** The shown JSON, elisions and wall times aside, is contained in the printed JSON. */
    static void compareJson(List<String> shown, String printed, List<String> problems) {
        JsonNode expected;
        JsonNode actual;
        try {
            expected = LENIENT.readTree(String.join("\n", shown));
        } catch (JsonProcessingException e) {
            problems.add("the JSON shown does not parse: " + e.getOriginalMessage());
            return;
        }
        try {
            actual = LENIENT.readTree(printed);
        } catch (JsonProcessingException e) {
            problems.add("the run printed no JSON: " + e.getOriginalMessage());
            return;
        }
        compare(expected, actual, "", problems);
    }

    private static void compare(JsonNode expected, JsonNode actual, String path,
            List<String> problems) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + ": the text shows an object, the run printed " + actual);
                return;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equals(ELISION)) {
                    continue;
                }
                JsonNode value = actual.get(name);
                if (value == null) {
                    problems.add(path + "/" + name + ": shown, but the run printed no such field");
                } else if (!WALL_TIME_FIELDS.contains(name)) {
                    compare(expected.get(name), value, path + "/" + name, problems);
                }
            }
        } else if (expected.isArray()) {
            int shown = expected.size();
            boolean elided = false;
            for (int i = 0; i < expected.size(); i++) {
                if (ELISION.equals(expected.get(i).asText(null))) {
                    shown = i;
                    elided = true;
                    break;
                }
            }
            if (!actual.isArray() || (elided ? actual.size() < shown : actual.size() != shown)) {
                problems.add(path + ": the text shows " + expected.size() + " elements, the run "
                        + "printed " + actual);
                return;
            }
            for (int i = 0; i < shown; i++) {
                compare(expected.get(i), actual.get(i), path + "/" + i, problems);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                problems.add(path + ": the text shows " + expected + ", the run printed " + actual);
            }
        } else if (!expected.equals(actual)) {
            problems.add(path + ": the text shows " + expected + ", the run printed " + actual);
        }
    }
}
