package io.schedsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process invocation of the CLI: exit code and everything printed. */
record CliRun(int exitCode, String out, String err) {
    /** The built-ins and the tests' fake scenarios and variants. */
    static final Plugins FAKES = new Plugins(true, List.of(FakePlugin.class.getName()));
    /** The tests' fake scenarios and variants only (listings). */
    static final Plugins FAKES_ONLY = new Plugins(false, List.of(FakePlugin.class.getName()));

    /** Runs with the built-ins and the fake scenarios and variants of the tests. */
    static CliRun of(String... args) {
        return with(FAKES, args);
    }

    /** Runs with the fake scenarios and variants only. */
    static CliRun fakesOnly(String... args) {
        return with(FAKES_ONLY, args);
    }

    /** Runs as {@code ./schedsim} does: the built-ins and what the class path registers. */
    static CliRun builtIn(String... args) {
        return with(Plugins.STANDARD, args);
    }

    static CliRun with(Plugins plugins, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(plugins, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
