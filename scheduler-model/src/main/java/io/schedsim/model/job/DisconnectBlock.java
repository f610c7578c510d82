package io.schedsim.model.job;

/**
 * A task group's {@code disconnect} block (N-29; Nomad docs: docs/job-specification/disconnect):
 * how long a disconnected client's allocations stay {@code unknown} before they are lost
 * ({@code lostAfterMillis}; 0 = no block, the allocations are lost at once), whether they are
 * replaced meanwhile ({@code replace}, default true), and which copy stays when the client
 * reconnects ({@code reconcile}, default best_score). {@code stop_on_client_after} is not
 * modelled, and the deprecated max_client_disconnect settings are not offered.
 */
public record DisconnectBlock(long lostAfterMillis, boolean replace, Reconcile reconcile) {
    /** No block: the behaviour of a group that has none (N-31: its allocations are lost). */
    public static final DisconnectBlock NONE = new DisconnectBlock(0, true, Reconcile.BEST_SCORE);

    public DisconnectBlock {
        if (lostAfterMillis < 0) {
            throw new IllegalArgumentException("lost_after must be >= 0: " + lostAfterMillis);
        }
        if (reconcile == null) {
            throw new IllegalArgumentException("reconcile must be set");
        }
    }

    /** A block with lost_after set: its allocations may go unknown instead of lost (N-27). */
    public boolean enabled() {
        return lostAfterMillis > 0;
    }

    /** The {@code reconcile} strategy: which copy stays when a disconnected client returns. */
    public enum Reconcile {
        KEEP_ORIGINAL,
        KEEP_REPLACEMENT,
        BEST_SCORE,
        LONGEST_RUNNING;

        /** Nomad's spelling, as in a job file. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
