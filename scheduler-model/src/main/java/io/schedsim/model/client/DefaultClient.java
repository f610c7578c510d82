package io.schedsim.model.client;

import io.schedsim.core.event.Simulation;
import io.schedsim.core.time.SimTime;
import io.schedsim.model.alloc.ClientStatus;
import io.schedsim.model.alloc.Health;
import io.schedsim.model.context.ModelContext;
import io.schedsim.model.job.JobType;
import io.schedsim.model.net.ControlNetwork;
import io.schedsim.model.node.NodeStatus;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Node;
import io.schedsim.model.state.StateStore;
import java.util.BitSet;

/**
 * The correct client. Commands from the servers and status updates to them travel over the
 * control network and are retried every heartbeatRetryInterval while undeliverable, as a real
 * client keeps retrying its RPCs. Local timers run on the node's own clock (fault 10).
 */
public class DefaultClient implements ClientAgent {
    private static final int START = 0;
    private static final int STOP = 1;

    protected final ModelContext context;
    private final StateStore state;
    private final Simulation sim;
    private final ControlNetwork network;
    private final long retryNanos;
    private final LocalAllocs local = new LocalAllocs();
    private double slowdown = 1.0;
    /** Node slots where allocations that start now fail their health checks (N-13 fault). */
    private final BitSet checksFailingNodes = new BitSet();
    private boolean checksFailingEverywhere;
    private int sendCommandKind;
    private int commandKind;
    private int startedKind;
    private int healthyKind;
    private int unhealthyKind;
    private int finishedKind;
    private int stoppedKind;
    private int sendUpdateKind;
    private int updateKind;

    public DefaultClient(ModelContext context) {
        this.context = context;
        this.state = context.state();
        this.sim = context.sim();
        this.network = context.network();
        this.retryNanos = SimTime.millis(context.config().heartbeatRetryIntervalMillis);
    }

    @Override
    public void start() {
        sendCommandKind = sim.registerKind("client.send-command", this::sendCommand);
        commandKind = sim.registerKind("client.command", this::onCommand);
        startedKind = sim.registerKind("client.started", (id, inc) -> onStarted(alloc(id), inc));
        healthyKind = sim.registerKind("client.healthy", (id, inc) -> onHealthy(alloc(id), inc));
        unhealthyKind = sim.registerKind("client.unhealthy",
                (id, inc) -> onHealthDeadline(alloc(id), inc));
        finishedKind = sim.registerKind("client.finished", (id, inc) -> onFinished(alloc(id), inc));
        stoppedKind = sim.registerKind("client.stopped", (id, inc) -> onStoppedLocally(alloc(id), inc));
        sendUpdateKind = sim.registerKind("client.send-update", this::sendUpdate);
        updateKind = sim.registerKind("client.update", this::onUpdateArrived);
    }

    private Alloc alloc(int id) {
        return state.allocs().get(id);
    }

    @Override
    public void onAllocPlaced(Alloc alloc) {
        local.ensure(alloc.id());
        sendCommand(alloc.id(), START);
    }

    @Override
    public void onAllocStopped(Alloc alloc) {
        sendCommand(alloc.id(), STOP);
    }

    private void sendCommand(int allocId, long command) {
        Alloc alloc = alloc(allocId);
        if (command == START && alloc.desired().isServerTerminal()) {
            return;
        }
        if (local.state(allocId) == LocalState.DONE) {
            return;
        }
        Node node = state.node(alloc.node());
        long delay = network.commandDelay(node);
        if (delay == ControlNetwork.DROPPED) {
            // Clients pull their allocations; a node the servers consider down pulls again when
            // it re-registers (onNodeReady), so only reachable-but-cut-off nodes are retried.
            if (node.status() != NodeStatus.DOWN) {
                sim.postAfter(retryNanos, sendCommandKind, allocId, command);
            }
        } else {
            sim.postAfter(delay, commandKind, allocId, command);
        }
    }

    private void onCommand(int allocId, long command) {
        Alloc alloc = alloc(allocId);
        Node node = state.node(alloc.node());
        if (!node.hostUp() || !node.agentUp()) {
            return;
        }
        LocalState localState = local.state(allocId);
        if (command == START) {
            if (localState == LocalState.NONE && !alloc.desired().isServerTerminal()) {
                local.set(allocId, LocalState.STARTING, node.incarnation());
                schedule(node, context.config().allocStartLatencyMillis, startedKind, alloc);
                armHealthDeadline(node, alloc);
            }
        } else if (localState == LocalState.STARTING || localState == LocalState.RUNNING) {
            local.setState(allocId, LocalState.STOPPING);
            schedule(node, alloc.job().stopLatencyMillis(), stoppedKind, alloc);
        } else if (localState == LocalState.NONE) {
            local.set(allocId, LocalState.DONE, node.incarnation());
            report(alloc, ClientStatus.COMPLETE, Health.UNSET);
        }
    }

    private void schedule(Node node, long localMillis, int kind, Alloc alloc) {
        sim.postAfter(node.localToTrueNanos(SimTime.millis(localMillis)), kind, alloc.id(),
                local.incarnation(alloc.id()));
    }

    private boolean alive(Alloc alloc, long incarnation) {
        Node node = state.node(alloc.node());
        return node.hostUp() && node.agentUp() && node.incarnation() == incarnation
                && local.incarnation(alloc.id()) == incarnation;
    }

    private void onStarted(Alloc alloc, long incarnation) {
        if (!alive(alloc, incarnation) || local.state(alloc.id()) != LocalState.STARTING) {
            return;
        }
        local.setState(alloc.id(), LocalState.RUNNING);
        report(alloc, ClientStatus.RUNNING, Health.UNSET);
        Node node = state.node(alloc.node());
        if (alloc.job().type() == JobType.SERVICE) {
            scheduleHealth(node, alloc);
        } else if (alloc.job().type().isBatchLike()) {
            long runMillis = Math.round(alloc.job().runMillis() * slowdown);
            schedule(node, runMillis, finishedKind, alloc);
        }
    }

    /**
     * N-12, N-13 (client/allocrunner/health_hook.go): the health hook starts with the alloc
     * runner, when the start command arrives, with a deadline of healthy_deadline on the node's
     * clock; an allocation not healthy by then is reported unhealthy, which counts as having
     * health for the drainer's pacing. Only the event that decides is scheduled: when the start
     * itself outlasts the deadline, the deadline now; otherwise the choice is made once running.
     */
    private void armHealthDeadline(Node node, Alloc alloc) {
        if (alloc.job().type() != JobType.SERVICE || !appliesHealthyDeadline()) {
            return;
        }
        long deadline = alloc.job().migrate().healthyDeadlineMillis();
        local.setHealthDeadline(alloc.id(),
                sim.nowNanos() + node.localToTrueNanos(SimTime.millis(deadline)));
        if (context.config().allocStartLatencyMillis >= deadline) {
            schedule(node, deadline, unhealthyKind, alloc);
        }
    }

    /**
     * Healthy after min_healthy_time running, if that comes strictly before the deadline
     * (watchHealth takes whichever fires first; the deadline, armed before the tasks started,
     * wins a tie); otherwise unhealthy at the deadline.
     */
    private void scheduleHealth(Node node, Alloc alloc) {
        if (checksFailingEverywhere || checksFailingNodes.get(node.slot())) {
            local.failChecks(alloc.id());
        }
        if (local.checksFailing(alloc.id())) {
            scheduleFailingChecks(alloc);
            return;
        }
        long minHealthyMillis = minHealthyTimeMillis(alloc);
        long healthyAt = sim.nowNanos() + node.localToTrueNanos(SimTime.millis(minHealthyMillis));
        long deadlineAt = appliesHealthyDeadline() ? local.healthDeadline(alloc.id())
                : SimTime.NEVER;
        // Both timers run on the node's clock and the deadline's started first, so a
        // min_healthy_time not below the healthy_deadline never wins, whatever the clock drift
        // did between them in true time (chaos-swarm seed 237524: 9,844 ms each).
        boolean canWin = !appliesHealthyDeadline()
                || minHealthyMillis < alloc.job().migrate().healthyDeadlineMillis();
        if (canWin && healthyAt < deadlineAt) {
            schedule(node, minHealthyMillis, healthyKind, alloc);
        } else if (deadlineAt > sim.nowNanos()) {
            sim.post(deadlineAt, unhealthyKind, alloc.id(), local.incarnation(alloc.id()));
        } else {
            onHealthDeadline(alloc, local.incarnation(alloc.id()));
        }
    }

    /**
     * N-13, unhealthy replacements: checks that never pass never make the allocation healthy
     * (client/allochealth/tracker.go: a critical check keeps {@code checksHealthy} false and the
     * tracker never signals), so the health hook's deadline decides: unhealthy at
     * healthy_deadline ({@code watchHealth}). Nothing restarts the tasks (no check_restart is
     * modelled), which would only re-arm min_healthy_time, not the deadline.
     */
    private void scheduleFailingChecks(Alloc alloc) {
        if (!appliesHealthyDeadline()) {
            return;
        }
        long deadlineAt = waitsHealthyDeadline() ? local.healthDeadline(alloc.id())
                : sim.nowNanos();
        if (deadlineAt > sim.nowNanos()) {
            sim.post(deadlineAt, unhealthyKind, alloc.id(), local.incarnation(alloc.id()));
        } else {
            onHealthDeadline(alloc, local.incarnation(alloc.id()));
        }
    }

    /**
     * Whether an allocation whose checks fail waits for healthy_deadline before it is unhealthy,
     * as Nomad's does; a variant may give up at the first failing check.
     */
    protected boolean waitsHealthyDeadline() {
        return true;
    }

    /**
     * How long the allocation must run before it is healthy: its group's min_healthy_time (N-12).
     * A hook so that a bug-zoo variant can get it wrong.
     */
    protected long minHealthyTimeMillis(Alloc alloc) {
        return alloc.job().migrate().minHealthyTimeMillis();
    }

    /** Whether the health hook's healthy_deadline applies; a variant may ignore it. */
    protected boolean appliesHealthyDeadline() {
        return true;
    }

    private void onHealthy(Alloc alloc, long incarnation) {
        if (alive(alloc, incarnation) && local.state(alloc.id()) == LocalState.RUNNING
                && !local.healthDecided(alloc.id())) {
            local.decideHealth(alloc.id());
            report(alloc, ClientStatus.RUNNING, Health.HEALTHY);
        }
    }

    private void onHealthDeadline(Alloc alloc, long incarnation) {
        LocalState state = local.state(alloc.id());
        if (alive(alloc, incarnation) && !local.healthDecided(alloc.id())
                && (state == LocalState.STARTING || state == LocalState.RUNNING)) {
            local.decideHealth(alloc.id());
            report(alloc, state == LocalState.RUNNING ? ClientStatus.RUNNING
                    : ClientStatus.PENDING, Health.UNHEALTHY);
        }
    }

    private void onFinished(Alloc alloc, long incarnation) {
        if (alive(alloc, incarnation) && local.state(alloc.id()) == LocalState.RUNNING) {
            local.setState(alloc.id(), LocalState.DONE);
            report(alloc, ClientStatus.COMPLETE, Health.UNSET);
        }
    }

    private void onStoppedLocally(Alloc alloc, long incarnation) {
        if (alive(alloc, incarnation) && local.state(alloc.id()) == LocalState.STOPPING) {
            local.setState(alloc.id(), LocalState.DONE);
            report(alloc, ClientStatus.COMPLETE, Health.UNSET);
        }
    }

    @Override
    public void onNodeReady(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            LocalState localState = local.state(alloc.id());
            if (alloc.node() != node.slot() || localState == LocalState.DONE) {
                continue;
            }
            if (!alloc.desired().isServerTerminal() && localState == LocalState.NONE) {
                sendCommand(alloc.id(), START);
            } else if (alloc.desired().isServerTerminal()) {
                sendCommand(alloc.id(), STOP);
            }
            if (alloc.client() == ClientStatus.UNKNOWN) {
                resync(alloc, localState);
            }
        }
    }

    /**
     * N-30: a reconnecting client tells the servers what became of an allocation they hold as
     * unknown (client.go pushes every allocation's state after it re-registers); one that ended
     * meanwhile has its final report in flight already.
     */
    private void resync(Alloc alloc, LocalState localState) {
        if (localState == LocalState.RUNNING || localState == LocalState.STOPPING) {
            report(alloc, ClientStatus.RUNNING, Health.UNSET);
        } else if (localState == LocalState.STARTING) {
            report(alloc, ClientStatus.PENDING, Health.UNSET);
        }
    }

    @Override
    public boolean crashOne(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && local.state(alloc.id()) == LocalState.RUNNING
                    && local.incarnation(alloc.id()) == node.incarnation()) {
                local.setState(alloc.id(), LocalState.DONE);
                report(alloc, ClientStatus.FAILED, Health.UNSET);
                return true;
            }
        }
        return false;
    }

    @Override
    public void onNodeRestarted(Node node) {
        for (Alloc alloc : state.allocs().all()) {
            if (alloc.node() == node.slot() && !alloc.isTerminal()) {
                local.set(alloc.id(), LocalState.DONE, node.incarnation());
                report(alloc, ClientStatus.FAILED, Health.UNSET);
            }
        }
    }

    /**
     * A stop under way in the node's current life is not settled (an earlier life's work is
     * gone); nor is an allocation the servers want running that does not run here yet.
     */
    @Override
    public boolean settled(Alloc alloc) {
        LocalState localState = local.state(alloc.id());
        if (alloc.desired().isServerTerminal()) {
            return local.incarnation(alloc.id()) != state.node(alloc.node()).incarnation()
                    || localState == LocalState.DONE;
        }
        return alloc.client().isTerminal() || localState == LocalState.RUNNING;
    }

    /** What this client is actually doing with {@code alloc} (ground truth; for tests). */
    public LocalState localState(Alloc alloc) {
        return local.state(alloc.id());
    }

    /** The node incarnation the client started or stopped {@code alloc} in, or -1. */
    public int localIncarnation(Alloc alloc) {
        return local.incarnation(alloc.id());
    }

    @Override
    public void setHealthChecksFailing(int node, boolean failing) {
        if (node < 0) {
            checksFailingEverywhere = failing;
        } else {
            checksFailingNodes.set(node, failing);
        }
    }

    @Override
    public void setSlowdown(double factor) {
        this.slowdown = factor;
    }

    private void report(Alloc alloc, ClientStatus status, Health health) {
        sendUpdate(alloc.id(), pack(status, health, local.incarnation(alloc.id())));
    }

    private static long pack(ClientStatus status, Health health, long incarnation) {
        return (incarnation << 16) | ((long) health.ordinal() << 8) | status.ordinal();
    }

    private void sendUpdate(int allocId, long packed) {
        Alloc alloc = alloc(allocId);
        Node node = state.node(alloc.node());
        if (!node.hostUp() || !node.agentUp() || node.incarnation() != (packed >>> 16)) {
            return;
        }
        long delay = network.statusUpdateDelay(node);
        if (delay == ControlNetwork.DROPPED) {
            sim.postAfter(retryNanos, sendUpdateKind, allocId, packed);
            return;
        }
        sim.postAfter(delay, updateKind, allocId, packed);
        if (network.duplicateStatusUpdate()) {
            sim.postAfter(network.statusUpdateDelay(node), updateKind, allocId, packed);
        }
    }

    private void onUpdateArrived(int allocId, long packed) {
        ClientStatus status = ClientStatus.values()[(int) (packed & 0xFF)];
        Health health = Health.values()[(int) ((packed >>> 8) & 0xFF)];
        state.onClientUpdate(alloc(allocId), status, health);
    }
}
