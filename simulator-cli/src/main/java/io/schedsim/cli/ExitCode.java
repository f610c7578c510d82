package io.schedsim.cli;

/**
 * The process exit codes of CLI.md: 0, 1, 2, and 4 (replay did not reproduce); 3 is ours, for
 * failures that are not the user's input.
 */
public final class ExitCode {
    /** Ran; no invariant or property violated. */
    public static final int OK = 0;
    /** Ran; a violation was found (run, sweep) or reproduced (replay). */
    public static final int VIOLATION = 1;
    /** diff: the two runs' traces differ (the first divergent event is printed). */
    public static final int DIVERGED = 1;
    /** Usage or input error: one line on stderr naming the bad argument or field. */
    public static final int INPUT = 2;
    /** Unexpected internal error: one line on stderr, stack trace with -Dschedsim.debug=true. */
    public static final int INTERNAL = 3;
    /** replay ran but did not reproduce the file's recorded trace hash or invariant. */
    public static final int NOT_REPRODUCED = 4;

    private ExitCode() {}
}
