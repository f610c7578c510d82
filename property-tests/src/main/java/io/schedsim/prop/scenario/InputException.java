package io.schedsim.prop.scenario;

/**
 * Bad input from a user: an unknown scenario, knob or variant, a value of the wrong type or out of
 * range, a malformed replay file. The message is one line that names the bad argument or field
 * and is fit to print after {@code schedsim: }.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null, false, false);
    }

    /**
     * The first bad-input exception in {@code failure}'s cause chain, or null: a config that
     * only a run can refuse is refused on a search worker or a Spark executor, wrapped by the
     * engine, and must still reach the user as bad input (exit 2), not as an internal error.
     */
    public static InputException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException input) {
                return input;
            }
        }
        return null;
    }
}
