package io.schedsim.model.net;

/**
 * The fault settings of client status updates (fault 6): an extra delay drawn per update, which
 * reorders them, and a duplication probability. The cluster creates one, hands it to its
 * {@link ControlNetwork} and keeps the only reference, so a component, which sees the network,
 * cannot change them.
 */
public final class StatusUpdateFaults {
    long maxExtraDelayNanos;
    double duplicateProbability;

    /** Extra delay uniform in {@code [0, maxExtraDelayNanos)}; duplicates with the probability. */
    public void set(long maxExtraDelayNanos, double duplicateProbability) {
        this.maxExtraDelayNanos = Math.max(0, maxExtraDelayNanos);
        this.duplicateProbability = Math.max(0, Math.min(1, duplicateProbability));
    }
}
