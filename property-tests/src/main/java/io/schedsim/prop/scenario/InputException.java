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
}
