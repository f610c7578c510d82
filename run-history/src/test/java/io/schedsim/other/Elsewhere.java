package io.schedsim.other;

/** A stand-in for any schedsim class outside the history (test only). */
public final class Elsewhere {
    private Elsewhere() {}

    public static String value() {
        return "elsewhere";
    }
}
