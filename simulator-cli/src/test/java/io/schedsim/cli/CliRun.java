package io.schedsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process invocation of the CLI: exit code and everything printed. */
record CliRun(int exitCode, String out, String err) {
    /** Runs against the fake catalogs of the tests. */
    static CliRun of(String... args) {
        return with(new FakeCatalogs(), args);
    }

    /** Runs against the built-in scenarios and variants (sweep and replay need them). */
    static CliRun builtIn(String... args) {
        return with(Catalogs.builtIn(), args);
    }

    private static CliRun with(Catalogs catalogs, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(catalogs, new PrintWriter(out), new PrintWriter(err), args);
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
