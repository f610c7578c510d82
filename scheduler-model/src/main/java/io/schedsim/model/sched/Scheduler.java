package io.schedsim.model.sched;

import io.schedsim.model.state.Alloc;

/**
 * Turns an evaluation into a plan from the servers' state as it is when called; the plan commits
 * later (seeded delay), so it may be stale by then.
 *
 * <p>Contract: built from a {@code ModelContext} and the {@code PlacementPolicy} built for it.
 * {@link #plan} reads the state and changes nothing: only the plan applier commits, through the
 * state store, which checks every placement and stop (INV-1, INV-6, INV-10, INV-16). The plan
 * carries the leader epoch it was made in ({@code ControlPlane.leaderEpoch}); a plan of an
 * earlier epoch is dropped. Implementations must respect the reconciler rules of N-9..N-11 and
 * N-31..N-38.
 */
public interface Scheduler {
    /** The plan for {@code eval}, made from the state as it is now. */
    Plan plan(Evaluation eval);

    /**
     * N-22 ({@code Node.createNodeEvals} in nomad/node_endpoint.go): whether {@code alloc}, on a
     * node whose status or eligibility just changed, asks for a node-update evaluation of its
     * job. A service allocation is skipped only once it is both server-terminal and
     * client-terminal (upstream errs towards a no-op evaluation); a batch one once it is
     * client-terminal, so one the servers stopped but the client still runs gets one (it may
     * now be lost); sysbatch never (only register, periodic and scaling evaluate it); system
     * jobs never by their allocations, since every non-stopped system job gets one from its
     * own loop. The servers ask the scheduler because the answer is a scheduling decision.
     */
    default boolean needsNodeEval(Alloc alloc) {
        return switch (alloc.job().type()) {
            case SERVICE -> !(alloc.desired().isServerTerminal() && alloc.client().isTerminal());
            case BATCH -> !alloc.client().isTerminal();
            case SYSBATCH, SYSTEM -> false;
        };
    }
}
