package io.schedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the acceptance check 06-cli-errors (and more) gives exit 2, exactly one line
 * on stderr that starts with "schedsim: " and names the bad argument, nothing on stdout, no stack
 * trace, and no file written.
 */
class CliErrorsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeReplayFiles() throws IOException {
        Files.writeString(dir.resolve("v999.json"), "{\"format\":\"schedsim-replay/999\"}\n");
        Files.writeString(dir.resolve("bad.json"), "{not json\n");
        Files.writeString(dir.resolve("empty.json"), "");
        Files.writeString(dir.resolve("missing.json"), "{\"format\":\"schedsim-replay/1\"}\n");
        Files.writeString(dir.resolve("array.json"), "[1, 2]\n");
        Files.writeString(dir.resolve("a-file"), "x");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("unknown scenario 'no-such-scenario'", "run no-such-scenario"),
                bad("--seed: 'abc' is not a number", "run fake-cluster --seed abc"),
                bad("--seed: '1e3' is not a number", "run fake-cluster --seed 1e3"),
                bad("--seed: '99999999999999999999' is out of range",
                        "run fake-cluster --seed 99999999999999999999"),
                bad("--seed: missing value", "run fake-cluster --seed"),
                bad("--set noSuchKey: unknown key", "run fake-cluster --set noSuchKey=1"),
                bad("--set workers: must be within [1, 100], got -5",
                        "run fake-cluster --set workers=-5"),
                bad("--set workers: must be within", "run fake-cluster --set workers=1000000000"),
                bad("--set workers: expected int, got 'banana'",
                        "run fake-cluster --set workers=banana"),
                bad("--set crash: expected true or false", "run fake-cluster --set crash=yes"),
                bad("--set placement: expected one of spread, binpack",
                        "run fake-cluster --set placement=random"),
                bad("--set: expected KEY=VALUE, got 'workers'", "run fake-cluster --set workers"),
                bad("--variant: unknown variant 'no-such-variant'",
                        "run fake-cluster --variant no-such-variant"),
                bad("--seeds: '10..1' is empty", "sweep fake-cluster --seeds 10..1"),
                bad("--seeds: '1..x' is not a seed range: 'x' is not a number",
                        "sweep fake-cluster --seeds 1..x"),
                bad("--seeds: '..5' is not a seed range", "sweep fake-cluster --seeds ..5"),
                bad("--seconds: must be at least 1 second (a shorter budget can end before the "
                        + "first seed; for a few seeds use --seeds A..B), got -1",
                        "sweep fake-cluster --seconds -1"),
                bad("--seconds: must be at least 1 second", "sweep fake-cluster --seconds 1e-9"),
                bad("--seconds: must be at least 1 second", "sweep fake-cluster --seconds 0.5"),
                bad("--seconds: must be at most", "sweep fake-cluster --seconds 1e12"),
                bad("--seconds: 'soon' is not a number", "sweep fake-cluster --seconds soon"),
                bad("--threads: must be within [1, 1024], got 0", "sweep fake-cluster --threads 0"),
                bad("--threads: must be within [1, 1024], got 100000",
                        "sweep fake-cluster --threads 100000"),
                bad("--out: cannot write", "sweep fake-cluster --out DIR/a-file/sub"),
                bad("--orderings: expected mixed or fifo, got 'pct'",
                        "sweep fake-cluster --orderings pct"),
                bad("--search: expected random or guided, got 'smart'",
                        "sweep fake-cluster --search smart"),
                bad("--starts and --runs-max must be at least 1",
                        "compare-search --starts 0"),
                bad("--max-failures: must be 0 or more, got -1",
                        "sweep fake-cluster --max-failures -1"),
                bad("--max-failures: 'x' is not an int", "sweep fake-cluster --max-failures x"),
                bad("--seeds: the last seed must be at most 9223372036853727231",
                        "sweep fake-cluster --seeds 1..9223372036854775807"),
                bad("--set workers: must be within", "sweep fake-cluster --set workers=0"),
                bad("--variant: unknown variant 'nope'", "sweep fake-cluster --variant nope"),
                bad("unknown scenario 'nope'", "sweep nope --seconds 1"),
                // A config only a run can refuse, refused on a search worker (was exit 3).
                bad("ray-retry-counting: case b (one kill more than max_retries) needs "
                        + "maxRetries >= 0", "sweep ray-retry-counting --set case=b "
                        + "--set maxRetries=-1 --seeds 1..4 --threads 2 --out DIR/refused"),
                bad("replay file DIR/does-not-exist.json: no such file",
                        "replay DIR/does-not-exist.json"),
                bad("replay file DIR/v999.json: field 'format': unsupported 'schedsim-replay/999'",
                        "replay DIR/v999.json"),
                bad("replay file DIR/bad.json: malformed JSON at line 1, column 2",
                        "replay DIR/bad.json"),
                bad("replay file DIR/empty.json: empty", "replay DIR/empty.json"),
                bad("replay file DIR/missing.json: field 'scenario': missing",
                        "replay DIR/missing.json"),
                bad("replay file DIR/array.json: expected a JSON object", "replay DIR/array.json"),
                bad("replay file DIR: cannot read", "replay DIR"),
                bad("replay: missing <REPLAY_FILE>", "replay"),
                bad("--perfetto: same file as --timeline",
                        "run fake-cluster --timeline DIR/same --perfetto DIR/same"),
                bad("--perfetto: cannot write DIR/no-dir/p.json: directory",
                        "run fake-cluster --perfetto DIR/no-dir/p.json"),
                bad("--timeline: cannot write /nonexistent-dir/x.html: directory /nonexistent-dir "
                        + "does not exist", "run fake-cluster --timeline /nonexistent-dir/x.html"),
                bad("--trace: cannot write DIR/no-dir/t.jsonl: directory",
                        "run fake-cluster --trace DIR/no-dir/t.jsonl"),
                bad("--trace: cannot write DIR/a-file/t.jsonl: DIR/a-file is not a directory",
                        "run fake-cluster --trace DIR/a-file/t.jsonl"),
                bad("--trace: cannot write DIR: is a directory", "run fake-cluster --trace DIR"),
                bad("--trace: cannot write /dev/null: not a regular file",
                        "run fake-cluster --trace /dev/null"),
                bad("--timeline: cannot write /nonexistent-dir/x.html",
                        "run fake-cluster --trace DIR/t.jsonl --timeline /nonexistent-dir/x.html"),
                bad("--timeline: same file as --trace",
                        "run fake-cluster --trace DIR/same --timeline DIR/same"),
                bad("jshell: cannot read DIR/no.jsh: no such file", "jshell DIR/no.jsh"),
                bad("unknown command 'frobnicate' (try: scenarios, describe, variants, run, "
                        + "replay, sweep, check-determinism, diff, jshell, check, compare-search)", "frobnicate"),
                bad("missing command", ""),
                bad("run: missing <scenario>", "run"),
                bad("run: unexpected argument 'extra'", "run fake-cluster extra"),
                bad("run: unknown option '--sed'", "run fake-cluster --sed 3"),
                bad("check-determinism: missing <scenario>", "check-determinism"),
                bad("unknown scenario 'nope'", "check-determinism nope --fresh-jvm"));
    }

    private static Arguments bad(String expectedStart, String commandLine) {
        return Arguments.of(expectedStart, commandLine);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badInputs")
    void badInputIsExitTwoWithOneLine(String expected, String commandLine) throws IOException {
        List<Path> before = listing();
        CliRun run = CliRun.of(args(commandLine));
        assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        String expectedLine = "schedsim: " + expected.replace("DIR", dir.toString());
        assertTrue(line.startsWith(expectedLine), () -> "expected: " + expectedLine + "\n" + run);
        assertFalse(line.contains("Exception"), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(before, listing(), "files were left behind");
    }

    private static String[] args(String commandLine) {
        List<String> args = new ArrayList<>();
        for (String arg : commandLine.split(" ")) {
            if (!arg.isEmpty()) {
                args.add(arg.replace("DIR", dir.toString()));
            }
        }
        return args.toArray(new String[0]);
    }

    private static List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
