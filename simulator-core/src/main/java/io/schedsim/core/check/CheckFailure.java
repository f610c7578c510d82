package io.schedsim.core.check;

/** A failed {@link Check}: a broken assumption inside the simulator, never a user error. */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super(message, null, false, false);
    }
}
