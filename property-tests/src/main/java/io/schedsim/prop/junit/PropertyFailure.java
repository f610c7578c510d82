package io.schedsim.prop.junit;

import io.schedsim.prop.search.SearchReport;

/**
 * A property that does not hold: the test fails with this, and its message lists each distinct
 * failure with its shrunk plan size, its replay file and the commands that replay it. A test that
 * expects its property to fail (a deliberately wrong component) catches it and reads {@link
 * #report()}.
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient SearchReport report;

    PropertyFailure(String message, SearchReport report) {
        super(message);
        this.report = report;
    }

    /** The search that found the failures: seeds run, each failure and its replay file. */
    public SearchReport report() {
        return report;
    }
}
