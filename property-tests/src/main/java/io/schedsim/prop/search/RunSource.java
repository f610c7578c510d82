package io.schedsim.prop.search;

import io.schedsim.prop.spec.RunSpec;
import java.io.Serializable;

/**
 * Where a search's runs come from: the spec of run number {@code run} (a seed, for random
 * search). A pure function of the run number and the source's own fields, so that every engine
 * runs the same spec for the same number; sources travel with the work to other JVMs.
 */
interface RunSource extends Serializable {
    RunSpec spec(SpecTemplate template, long run);

    /** True if each run's coverage is measured for guided search. */
    default boolean measures() {
        return false;
    }
}
