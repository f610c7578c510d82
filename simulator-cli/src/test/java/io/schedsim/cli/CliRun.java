package io.schedsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process invocation of the CLI: exit code and everything printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(new FakeCatalogs(), new PrintWriter(out), new PrintWriter(err),
                args);
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
