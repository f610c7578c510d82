package io.schedsim.history;

/** The version tag every history carries in its {@link RunStarted} event. */
public final class HistoryFormat {
    /** The one version this code reads and writes. */
    public static final String VERSION_1 = "schedsim-history/1";

    private HistoryFormat() {}
}
