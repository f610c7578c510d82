package io.schedsim.prop.zoo;

import io.schedsim.model.task.ErrorType;
import io.schedsim.model.task.MaxRetriesPolicy;
import io.schedsim.model.task.RetryPolicy;

/**
 * Bug 28: the model before issue 13. Retries follow Ray's rules, but the workers leased to a
 * dead owner are never killed: a running child of a parent that died keeps its CPU and runs to
 * its natural end after its owner's death was reported (Ray's raylet kills it then,
 * ray:src/ray/raylet/node_manager.cc {@code HandleUnexpectedWorkerFailure}, {@code NodeRemoved}).
 * Found by {@code chaos-swarm}, whose worker kills (F-3) take down parents blocked in get while
 * their children run (reported at once by the live raylet), and by {@code ray-drain}, whose 45 s
 * children outlive their parents' nodes' DEAD verdicts; not by {@code ray-chaos} at its defaults,
 * whose 1 s children end before any owner's death is reported. Trips the monitor's R-5 guard
 * (the model has no online check of it).
 */
final class OrphanKeepingRetryPolicy implements RetryPolicy {
    /** Stateless, as the contract asks: one instance serves every cluster. */
    static final OrphanKeepingRetryPolicy INSTANCE = new OrphanKeepingRetryPolicy();

    private OrphanKeepingRetryPolicy() {}

    @Override
    public int afterFailure(int maxRetries, int retriesUsed, ErrorType errorType,
            boolean preempted) {
        return MaxRetriesPolicy.INSTANCE.afterFailure(maxRetries, retriesUsed, errorType,
                preempted);
    }

    @Override
    public boolean killsWorkersOfDeadOwner() {
        return false;
    }
}
