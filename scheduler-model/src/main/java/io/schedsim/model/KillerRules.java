package io.schedsim.model;

/**
 * Which workers the Ray chaos killer may terminate (SC-1; ray:release/nightly_tests/
 * setup_chaos.py, {@code NodeKillerBase._find_resources_to_kill}). The fault injector asks it at
 * each kill of a {@code terminate-instance} action; the kill times and victim rule stay the
 * plan's. A component of {@link ModelComponents} so that a bug-zoo variant can get the rules
 * wrong; {@link #RAY} is Ray's.
 */
public interface KillerRules {
    /** Ray's rules: not the head, host up, alive in the server view, not killed yet; floor 2. */
    KillerRules RAY = new KillerRules() {
        @Override
        public boolean candidate(ClusterControl control, int node, boolean killedBefore) {
            return !control.isHead(node) && !killedBefore && control.isHostUp(node)
                    && !control.isDownInServerView(node);
        }

        @Override
        public int candidatesMin() {
            // Ray kills only while candidates ≥ batch size (1) + 1, so one worker stays (INV-20).
            return 2;
        }
    };

    /** Whether {@code node} may be killed now; {@code killedBefore}: the killer took it already. */
    boolean candidate(ClusterControl control, int node, boolean killedBefore);

    /** The fewest candidates for which the killer kills at all. */
    int candidatesMin();
}
