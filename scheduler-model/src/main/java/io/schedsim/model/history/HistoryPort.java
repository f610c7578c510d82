package io.schedsim.model.history;

import io.schedsim.core.event.Simulation;
import io.schedsim.history.EventType;
import io.schedsim.history.HistoryEvent;
import io.schedsim.history.HistorySink;
import io.schedsim.history.LeaderFailover;
import io.schedsim.history.RunEnded;
import io.schedsim.history.RunStopReason;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the model publishes its observable history (docs/history.md). Callers test {@link #on}
 * before building an event, so a run without a sink builds none. Changes made before the cluster
 * starts (nodes and jobs added while a scenario is populated) are held and written at
 * {@link #open}, after the caller's header (run-started) and the cluster's settings, as the
 * ordering contract (§1.4, rule 1) asks.
 *
 * <p>An event the model knows of before it happens without a simulation event of its own (a
 * health check's reply, whose success the detector settles when it sends the check) is given to
 * {@link #recordLater} and written in its place: before the first event recorded at or after its
 * time. It can be withdrawn with {@link #cancelLater} until then. Single-threaded, like the run.
 */
public final class HistoryPort {
    private final Simulation sim;
    private final LaterEvents later = new LaterEvents();
    /** Holds the place of an event not built before the start (see {@link #publishes}). */
    private static final HistoryEvent SKIPPED = new LeaderFailover(0);
    private final ObjectArrayList<HistoryEvent> held = new ObjectArrayList<>();
    private HistorySink sink = HistorySink.NONE;
    private boolean on;
    private boolean open;
    /** By event type ordinal: a listener reads events of the type. */
    private final boolean[] wanted = new boolean[EventType.values().length];

    public HistoryPort(Simulation sim) {
        this.sim = sim;
    }

    /** True when a sink listens; build an event only then. */
    public boolean on() {
        return on;
    }

    /** Simulated now, the time of every event recorded now. */
    public long nowNanos() {
        return sim.nowNanos();
    }

    /** Publishes to {@code sink} from now on; before {@link #open}, events are held. */
    public void attach(HistorySink sink) {
        attach(sink, Set.of());
    }

    /**
     * As {@link #attach(HistorySink)}, for a sink that reads nothing of the {@code unread} types
     * (a monitor alone, with no file to write): events of those types are not even built.
     */
    public void attach(HistorySink sink, Set<EventType> unread) {
        if (open) {
            throw new IllegalStateException("a history sink must be attached before the start");
        }
        this.sink = sink;
        this.on = sink != HistorySink.NONE;
        for (EventType type : EventType.values()) {
            wanted[type.ordinal()] = on && !unread.contains(type);
        }
    }

    /**
     * Whether to build the event of {@code type} that is happening now: true when a listener
     * reads events of the type. When one listens but reads nothing of this type, the event's
     * place is counted ({@link HistorySink#skipped}), so the history's numbering stays that of
     * the full history, and the answer is false. Call once per event, then record it if true.
     */
    public boolean publishes(EventType type) {
        if (wanted[type.ordinal()]) {
            return true;
        }
        if (on) {
            if (!open) {
                held.add(SKIPPED);
            } else {
                later.writeDue(sim.nowNanos(), sink);
                sink.skipped();
            }
        }
        return false;
    }

    /** Writes {@code settings}, then every event held so far; from now on events go straight out. */
    public void open(List<HistoryEvent> settings) {
        open = true;
        if (!on) {
            return;
        }
        for (HistoryEvent event : settings) {
            sink.record(event);
        }
        for (HistoryEvent event : held) {
            if (event == SKIPPED) {
                sink.skipped();
            } else {
                sink.record(event);
            }
        }
        held.clear();
    }

    /** Records a change that happened now. */
    public void record(HistoryEvent event) {
        if (!open) {
            held.add(event);
            return;
        }
        // By the event's own time, not the clock's: a later event due before it still precedes it.
        later.writeDue(event.atNanos(), sink);
        sink.record(event);
    }

    /**
     * Records {@code event}, due at its own later time, in its place in the history; returns a
     * token for {@link #cancelLater}.
     */
    public long recordLater(HistoryEvent event) {
        return later.add(event);
    }

    /** Withdraws an event given to {@link #recordLater} that is not written yet. */
    public void cancelLater(long token) {
        later.cancel(token);
    }

    /**
     * Ends the history: the later events due by now, then a run-ended. Events due after the end
     * never happened within the run and are dropped. The caller closes its sink.
     */
    public void end(RunStopReason reason) {
        if (!on) {
            return;
        }
        long now = sim.nowNanos();
        later.writeDue(now, sink);
        later.clear();
        sink.record(new RunEnded(now, reason));
    }
}
