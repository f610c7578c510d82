package io.schedsim.prop.search;

import io.schedsim.prop.spec.RunSpec;

/** Random search: run {@code n} is the template at seed {@code n}, with that seed's ordering. */
record SeedRuns(String orderings) implements RunSource {
    private static final long serialVersionUID = 1L;

    @Override
    public RunSpec spec(SpecTemplate template, long run) {
        return template.forSeed(run, orderings);
    }
}
