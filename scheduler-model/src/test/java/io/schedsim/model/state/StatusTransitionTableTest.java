package io.schedsim.model.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.schedsim.core.event.Simulation;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.DesiredStatus;
import io.schedsim.model.history.HistoryPort;
import io.schedsim.model.invariant.Inv;
import io.schedsim.model.invariant.InvariantMonitor;
import io.schedsim.model.invariant.Violation;
import io.schedsim.model.job.JobType;
import io.schedsim.model.job.MigrateBlock;
import io.schedsim.model.job.ReschedulePolicy;
import io.schedsim.model.state.Job;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allocation status tables (§2.2, INV-18): which client statuses may follow which (complete
 * and failed never change, lost may only become complete, N-30), which desired transitions are
 * allowed (stop and evict never return to run), and which combinations are terminal.
 */
class StatusTransitionTableTest {
    @ParameterizedTest(name = "{0} may become {1}")
    @CsvSource({
        "PENDING, PENDING RUNNING COMPLETE FAILED LOST UNKNOWN",
        "RUNNING, PENDING RUNNING COMPLETE FAILED LOST UNKNOWN",
        "UNKNOWN, PENDING RUNNING COMPLETE FAILED LOST UNKNOWN",
        "COMPLETE, COMPLETE",
        "FAILED, FAILED",
        "LOST, COMPLETE LOST",
    })
    void clientStatusTable(ClientStatus from, String allowed) {
        List<String> targets = Arrays.asList(allowed.split(" "));
        for (ClientStatus to : ClientStatus.values()) {
            boolean expected = targets.contains(to.name());
            assertEquals(expected, from.mayBecome(to), from + " -> " + to);

            Fixture fixture = new Fixture();
            fixture.allocs.setClient(fixture.alloc, from, 0);
            int before = fixture.monitor.violations().size();
            fixture.allocs.setClient(fixture.alloc, to, 1);
            assertEquals(expected ? to : from, fixture.alloc.client(), from + " -> " + to);
            int violations = fixture.monitor.violations().size() - before;
            assertEquals(expected ? 0 : 1, violations, "INV-18 reported for " + from + " -> " + to);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "RUN, RUN, true", "RUN, STOP, true", "RUN, EVICT, true",
        "STOP, STOP, true", "STOP, EVICT, true", "STOP, RUN, false",
        "EVICT, EVICT, true", "EVICT, STOP, true", "EVICT, RUN, false",
    })
    void desiredStatusTable(DesiredStatus from, DesiredStatus to, boolean allowed) {
        Fixture fixture = new Fixture();
        fixture.allocs.setDesired(fixture.alloc, from, "setup", 0);
        fixture.allocs.setDesired(fixture.alloc, to, "test", 1);
        assertEquals(allowed ? to : from, fixture.alloc.desired());
        List<Violation> violations = fixture.monitor.violations();
        assertEquals(allowed ? 0 : 1, violations.size(), violations.toString());
        if (!allowed) {
            assertEquals(Inv.MONOTONIC_STATES, violations.get(0).invariant());
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        // desired, client, server-terminal, client-terminal, terminal
        "RUN, PENDING, false, false, false",
        "RUN, RUNNING, false, false, false",
        "RUN, UNKNOWN, false, false, false",
        "RUN, COMPLETE, false, true, true",
        "RUN, FAILED, false, true, true",
        "RUN, LOST, false, true, true",
        "STOP, RUNNING, true, false, true",
        "STOP, COMPLETE, true, true, true",
        "EVICT, RUNNING, true, false, true",
        "EVICT, LOST, true, true, true",
    })
    void terminalTable(DesiredStatus desired, ClientStatus client, boolean serverTerminal,
            boolean clientTerminal, boolean terminal) {
        Fixture fixture = new Fixture();
        fixture.allocs.setDesired(fixture.alloc, desired, "setup", 0);
        fixture.allocs.setClient(fixture.alloc, client, 0);
        assertEquals(serverTerminal, desired.isServerTerminal());
        assertEquals(clientTerminal, client.isTerminal());
        assertEquals(terminal, fixture.alloc.isTerminal());
    }

    /** One allocation of a service job in a table with its own monitor. */
    private static final class Fixture {
        final InvariantMonitor monitor = new InvariantMonitor(new Simulation(1), false);
        final Allocs allocs = new Allocs(monitor,
                new StoreHistory(new HistoryPort(new Simulation(1))));
        final Alloc alloc;

        Fixture() {
            Job job = new Job(0, "web", JobType.SERVICE, 1, 100, 64, MigrateBlock.DEFAULT,
                    ReschedulePolicy.SERVICE_DEFAULT, 0, 0);
            alloc = allocs.create(job, 0, Alloc.NONE, 0, 0);
        }
    }
}
