package io.schedsim.monitor.live;

import io.schedsim.history.ClientStatus;
import io.schedsim.history.JobRegistered;
import io.schedsim.history.JobType;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.AllocTable;
import io.schedsim.monitor.state.JobTable;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.monitor.state.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * INV-24, INV-25 and INV-27 at the end of a settled run, on the monitor's own view. INV-24: each
 * non-stopped service job runs exactly count allocations (non-terminal, client running); fewer
 * is excused only when no Ready node has the job's CPU and memory free. INV-25: a drain with a
 * deadline is gone once the deadline and the coalesce and batch windows passed; one without is
 * gone once its non-system allocations are client-terminal. INV-27: every Ready node meeting
 * the job's constraints holds exactly one non-terminal allocation of each non-stopped system
 * job, excused only when it has none and cannot fit one; any other node holds at most one. With
 * constraints (N-35) the capacity that excuses INV-24 counts only nodes meeting them and, under
 * distinct_hosts, holding none of the job's non-terminal allocations.
 */
final class NomadLiveness {
    private final State state;

    NomadLiveness(State state) {
        this.state = state;
    }

    void judge(long endNanos) {
        JobTable jobs = state.jobs;
        for (int j = 0; j < jobs.count(); j++) {
            if (jobs.stopped(j)) {
                continue;
            }
            if (jobs.type(j) == JobType.SERVICE) {
                judgeServiceCount(j);
            } else if (jobs.type(j) == JobType.SYSTEM) {
                judgeSystemCoverage(j);
            }
        }
        judgeDrains(endNanos);
    }

    private void judgeServiceCount(int j) {
        AllocTable allocs = state.allocs;
        IntArrayList ofJob = state.jobs.allocs(j);
        int running = 0;
        for (int k = 0; k < ofJob.size(); k++) {
            int a = ofJob.getInt(k);
            running += !allocs.terminal(a) && allocs.client(a) == ClientStatus.RUNNING ? 1 : 0;
        }
        JobRegistered spec = state.jobs.spec(j);
        int count = state.jobs.count(j);
        if (running == count) {
            return;
        }
        if (running < count && !readyNodeFits(j, spec)) {
            state.verdicts.skip(Invariant.SERVICE_COUNTS_RESTORED, "job " + spec.job()
                    + " runs " + running + " of " + count + ": no Ready node has "
                    + spec.cpuMilli() + " mCPU and " + spec.memMb() + " MiB free and meets its"
                    + " constraints");
            return;
        }
        state.verdicts.report(Invariant.SERVICE_COUNTS_RESTORED, -1, -1, -1, spec.job(),
                "service job " + spec.job() + " runs " + running + " allocations, count "
                        + count);
    }

    private boolean readyNodeFits(int j, JobRegistered spec) {
        for (int n = 0; n < state.nodes.count(); n++) {
            if (state.nodes.ready(n) && fits(n, spec) && state.constraints.meetsAll(j, n)
                    && !(state.constraints.distinctHosts(j) && holdsLive(j, n))) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsLive(int j, int n) {
        IntArrayList here = state.allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (state.allocs.job(a) == j && !state.allocs.terminal(a)) {
                return true;
            }
        }
        return false;
    }

    private boolean fits(int n, JobRegistered spec) {
        // Live Ray actors share the node's CPU without a reservation in the history.
        return state.nodes.cpuMilli(n) - state.ledger.cpuOn(n) - state.actors.cpuOn(n)
                >= spec.cpuMilli()
                && state.nodes.memMb(n) - state.ledger.memOn(n) >= spec.memMb();
    }

    private void judgeSystemCoverage(int j) {
        NodeTable nodes = state.nodes;
        AllocTable allocs = state.allocs;
        JobRegistered spec = state.jobs.spec(j);
        for (int n = 0; n < nodes.count(); n++) {
            IntArrayList here = allocs.onNode(n);
            int live = 0;
            for (int k = 0; k < here.size(); k++) {
                int a = here.getInt(k);
                live += allocs.job(a) == j && !allocs.terminal(a) ? 1 : 0;
            }
            boolean wanted = nodes.ready(n) && nodes.cpuMilli(n) > 0
                    && state.constraints.meetsAll(j, n);
            if (wanted && live == 0 && !fits(n, spec)) {
                state.verdicts.skip(Invariant.SYSTEM_COVERAGE, "Ready node " + nodes.id(n)
                        + " has no room for system job " + spec.job() + " (" + spec.cpuMilli()
                        + " mCPU, " + spec.memMb() + " MiB)");
                continue;
            }
            if ((wanted && live != 1) || live > 1) {
                state.verdicts.report(Invariant.SYSTEM_COVERAGE, nodes.id(n), -1, -1, spec.job(),
                        "system job " + spec.job() + " has " + live + " allocations on "
                                + (wanted ? "Ready" : "non-Ready") + " node " + nodes.id(n));
            }
        }
    }

    private void judgeDrains(long endNanos) {
        NodeTable nodes = state.nodes;
        for (int n = 0; n < nodes.count(); n++) {
            if (!nodes.draining(n)) {
                continue;
            }
            long deadline = nodes.drainDeadline(n);
            if (deadline != Time.NEVER) {
                if (!state.config.drainerKnown) {
                    state.verdicts.skip(Invariant.DRAINS_COMPLETE, "drain of node " + nodes.id(n)
                            + ": no drainer-configured event, its windows are unknown");
                    continue;
                }
                long window = state.config.coalesceWindowNanos + state.config.batchIntervalNanos;
                if (endNanos > Time.plus(deadline, window)) {
                    report(n, "drain of node " + nodes.id(n) + " still set at the end, past its "
                            + "deadline " + Time.format(deadline) + " and windows");
                }
            } else if (noNonSystemPending(n)) {
                report(n, "drain of node " + nodes.id(n) + " without deadline still set at the "
                        + "end although its non-system allocations are client-terminal");
            }
        }
    }

    private boolean noNonSystemPending(int n) {
        AllocTable allocs = state.allocs;
        IntArrayList here = allocs.onNode(n);
        for (int k = 0; k < here.size(); k++) {
            int a = here.getInt(k);
            if (state.jobs.type(allocs.job(a)) != JobType.SYSTEM && !allocs.clientTerminal(a)) {
                return false;
            }
        }
        return true;
    }

    private void report(int n, String message) {
        state.verdicts.report(Invariant.DRAINS_COMPLETE, state.nodes.id(n), -1, -1, -1, message);
    }
}
