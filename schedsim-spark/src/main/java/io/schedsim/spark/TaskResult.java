package io.schedsim.spark;

import java.io.Serializable;
import java.util.ArrayList;

/** What a task sends back: one partial per block, in block order, and how long they took. */
record TaskResult<P extends Serializable>(ArrayList<P> partials, long runNanos)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
