package io.schedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.api.DrainSpec;
import io.schedsim.model.job.JobSpec;
import io.schedsim.model.job.JobType;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.job.ReschedulePolicy;
import io.schedsim.model.sched.NomadScheduler;
import io.schedsim.model.sched.EvalBroker;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * N-22: which jobs a node change evaluates, as {@code Node.createNodeEvals}
 * (nomad/node_endpoint.go) decides it. The table is Nomad's
 * {@code TestNode_createNodeEvals_jobTypeSkip}, row by row: one job, one allocation on the node
 * in the given desired and client status, then the node turns eligible (a path that calls
 * {@code createNodeEvals}) and the node-update evaluations are counted. The model has no job
 * stop operation yet, so {@code TestNode_createNodeEvals_stoppedSystemJob} is not mirrored.
 */
class NodeEvalsTableTest {
    private static final int NODE = 0;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "service job running alloc, SERVICE, RUN, RUNNING, 1",
        "service job server terminal alloc, SERVICE, STOP, RUNNING, 1",
        "service job client terminal alloc, SERVICE, RUN, COMPLETE, 1",
        "service job server and client terminal alloc, SERVICE, STOP, COMPLETE, 0",
        "batch job running alloc, BATCH, RUN, RUNNING, 1",
        "batch job pending alloc, BATCH, RUN, PENDING, 1",
        "batch job complete alloc, BATCH, RUN, COMPLETE, 0",
        "batch job failed alloc, BATCH, RUN, FAILED, 0",
        "batch job lost alloc, BATCH, RUN, LOST, 0",
        // Not a row upstream, but the case nomad#28008 turns on: stopped, still running.
        "batch job server terminal alloc, BATCH, STOP, RUNNING, 1",
        "sysbatch job running alloc, SYSBATCH, RUN, RUNNING, 0",
        "sysbatch job pending alloc, SYSBATCH, RUN, PENDING, 0",
        "sysbatch job failed alloc, SYSBATCH, RUN, FAILED, 0",
        "system job running alloc, SYSTEM, RUN, RUNNING, 1",
        "system job pending alloc, SYSTEM, RUN, PENDING, 1",
        "system job failed alloc, SYSTEM, RUN, FAILED, 1",
    })
    void jobTypeSkip(String name, JobType type, String desired, ClientStatus client,
            int evals) {
        Cluster cluster = NomadClusters.started(5, NomadClusters.config(), 2);
        Job job = cluster.state().registerJob(spec(type));
        EvalBroker broker = cluster.broker();
        Alloc alloc = NomadClusters.place(cluster, job, NODE, ClientStatus.RUNNING);
        if (desired.equals("STOP")) {
            cluster.state().stopAlloc(alloc, "alloc not needed due to job update");
        }
        if (client != ClientStatus.RUNNING) {
            cluster.state().onClientUpdate(alloc, client, Health.UNSET);
        }
        // Consume the register (and alloc-failure) evaluations without planning: the state is
        // the table's alone.
        while (broker.hasPending()) {
            broker.finish(broker.dequeue());
        }
        cluster.updateEligibility(NODE, false);
        assertEquals(0, broker.pendingCount(), "turning ineligible evaluates nothing (N-37)");

        cluster.updateEligibility(NODE, true);

        assertEquals(evals, broker.pendingCount(), "node-update evaluations");
        assertEquals(List.of(), cluster.monitor().violations());
    }

    @Test
    void aBatchAllocationStoppedAtTheDeadlineIsMarkedLostWhenItsNodeGoesDown() {
        assertEquals(ClientStatus.LOST, stoppedAtDeadlineThenDown(ModelComponents.defaults()));
        // The old rule (batch skipped once server-terminal) leaves it running on a down node,
        // and the online N-22 check names the missing evaluation.
        ModelComponents oldRule = ModelComponents.defaults().withScheduler(
                (context, placement) -> new NomadScheduler(context, placement) {
                    @Override
                    public boolean needsNodeEval(Alloc alloc) {
                        return alloc.job().type() == JobType.BATCH && !alloc.isTerminal();
                    }
                });
        assertEquals(ClientStatus.RUNNING, stoppedAtDeadlineThenDown(oldRule));
    }

    private static ClientStatus stoppedAtDeadlineThenDown(ModelComponents components) {
        // Issue 12: the model used to skip a server-terminal batch allocation, so one stopped at
        // a drain deadline whose client was still stopping it (kill_timeout) was never marked
        // lost once its node went down. Nomad's rule evaluates it (N-20, N-32 "stop+running →
        // lost", TestServiceSched_NodeDrain_Down).
        Cluster cluster = NomadClusters.started(6, NomadClusters.config(), 2, components);
        cluster.state().registerJob(
                JobSpec.batch("batch", 1, 1_000, 64, 3_600_000).withStopLatency(600_000));
        cluster.sim().runUntil(SimTime.seconds(5));
        Alloc alloc = cluster.state().allocs().all().iterator().next();
        assertEquals(ClientStatus.RUNNING, alloc.client());
        cluster.updateDrain(alloc.node(), DrainSpec.deadline(1_000, false));
        cluster.sim().runUntil(SimTime.seconds(10));
        assertEquals(true, alloc.desired().isServerTerminal(), "stopped at the deadline (N-18)");
        assertEquals(ClientStatus.RUNNING, alloc.client(), "still stopping on the client");

        cluster.terminateHost(alloc.node());
        cluster.sim().runUntil(SimTime.seconds(120));

        boolean correct = components == ModelComponents.defaults();
        assertEquals(correct ? List.of() : List.of(Inv.NODE_EVALS),
                cluster.monitor().violations().stream().map(v -> v.invariant()).distinct()
                        .toList());
        return alloc.client();
    }

    private static JobSpec spec(JobType type) {
        return switch (type) {
            case SERVICE -> JobSpec.service("service", 1, 100, 64);
            case BATCH -> JobSpec.batch("batch", 1, 100, 64, 3_600_000);
            case SYSTEM -> JobSpec.system("system", 100, 64);
            case SYSBATCH -> new JobSpec("sysbatch", JobType.SYSBATCH, 0, 100, 64,
                    MigrateBlock.DEFAULT, ReschedulePolicy.NONE, 3_600_000, 0);
        };
    }
}
