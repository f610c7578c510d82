package io.schedsim.cli;

import java.io.PrintWriter;

/** What every command needs besides its arguments: which plugins to load and where to print. */
public record CliContext(Plugins plugins, PrintWriter out, PrintWriter err) {
    /** Prints one {@code schedsim: } line on stderr; every error of the CLI goes through here. */
    public void error(String message) {
        err.println("schedsim: " + oneLine(message));
        err.flush();
    }

    /** Collapses any line breaks so an error stays one line. */
    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
