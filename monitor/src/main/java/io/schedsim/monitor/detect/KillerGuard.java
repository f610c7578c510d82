package io.schedsim.monitor.detect;

import io.schedsim.history.AgentKilled;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HostTerminated;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Config;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import io.schedsim.history.EventType;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * INV-20, the chaos killer's own limits (SC-1, setup_chaos.py), judged on the kills the history
 * attributes to it: never the head, whichever plan the kill came from (a fault plan's kill whose
 * victim the killer's rules picked is the killer's too); after a fault plan's such kill, another
 * candidate of the rules left; and, for the killer a killer-configured event describes, at most max_to_kill, at most one batch per kill window
 * (windows of kill_interval from that event) and at least one worker alive (host and agent up,
 * not DEAD) after each kill. DEAD being a subset of the killed nodes is
 * INV-13's judgement, with its exact excuses.
 */
public final class KillerGuard extends Guard {
    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.HOST_TERMINATED, EventType.AGENT_KILLED);

    private final State state;
    /** Nodes a kill by the killer's rules took (by node index). */
    private final BitSet killedByRules = new BitSet();
    private int kills;
    private long window = -1;
    private int killsInWindow;

    public KillerGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public void before(HistoryEvent event) {
        if (!killedByKiller(event)) {
            return;
        }
        if (state.nodes.head(state.nodeIndex)) {
            report("the killer killed the head node " + state.nodes.id(state.nodeIndex));
        }
        if (state.config.killerKnown) {
            judge(state.eventNanos);
        }
    }

    @Override
    public void after(HistoryEvent event) {
        if (!killedByKiller(event)) {
            return;
        }
        NodeTable nodes = state.nodes;
        killedByRules.set(state.nodeIndex);
        if (!state.config.killerKnown) {
            // A fault plan's kill by the killer's rules: they kill only while another candidate
            // stays (setup_chaos.py: candidates >= batch + 1), a worker with its host up that the
            // servers do not see as down and that the rules have not killed. Other faults may
            // have taken that worker's agent, which the rules cannot know.
            for (int n = 0; n < nodes.count(); n++) {
                if (!nodes.head(n) && nodes.hostUp(n) && !nodes.down(n)
                        && !killedByRules.get(n)) {
                    return;
                }
            }
            report("the killer's rules killed node " + nodes.id(state.nodeIndex)
                    + ", their last candidate worker");
            return;
        }
        for (int n = 0; n < nodes.count(); n++) {
            if (!nodes.head(n) && nodes.alive(n) && !nodes.down(n)) {
                return;
            }
        }
        report("no worker is alive after the killer's kill of node "
                + nodes.id(state.nodeIndex));
    }

    private static boolean killedByKiller(HistoryEvent event) {
        return event instanceof HostTerminated h ? h.byKiller()
                : event instanceof AgentKilled a && a.byKiller();
    }

    private void judge(long now) {
        Config c = state.config;
        int id = state.nodes.id(state.nodeIndex);
        if (++kills > c.maxKills) {
            report("the killer's kill of node " + id + " is kill " + kills + ", max_to_kill "
                    + c.maxKills);
        }
        long current = Math.max(0, now - c.killerOriginNanos) / c.killIntervalNanos;
        if (current != window) {
            window = current;
            killsInWindow = 0;
        }
        if (++killsInWindow > c.killBatchSize) {
            report("the killer's kill of node " + id + " is kill " + killsInWindow
                    + " in kill window " + current + ", batch size " + c.killBatchSize);
        }
    }

    private void report(String message) {
        state.verdicts.report(Invariant.KILLER_CONSTRAINTS, state.nodes.id(state.nodeIndex), -1,
                -1, -1, message);
    }
}
