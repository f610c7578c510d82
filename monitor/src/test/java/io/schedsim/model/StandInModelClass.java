package io.schedsim.model;

/** A stand-in for any model class (test only): the monitor architecture rules must reject it. */
public final class StandInModelClass {
    private StandInModelClass() {}

    public static boolean ready(int node) {
        return node >= 0;
    }
}
