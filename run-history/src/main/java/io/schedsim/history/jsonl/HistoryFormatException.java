package io.schedsim.history.jsonl;

/**
 * A history file that is not a valid schedsim history. The message is one line that names the
 * line number and, where there is one, the field: {@code line 7: field 'node' of alloc-placed:
 * expected an int, got "x"}. The CLI prints it after {@code schedsim: } and exits 2.
 */
public final class HistoryFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    public HistoryFormatException(long lineNumber, String message) {
        super("line " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line the problem is on. */
    public long lineNumber() {
        return lineNumber;
    }
}
