package io.schedsim.core.event;

import io.schedsim.core.check.Check;
import io.schedsim.core.check.CheckFailure;
import io.schedsim.core.metrics.Metrics;
import io.schedsim.core.random.SimRandom;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.core.trace.TraceSink;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The single-threaded discrete-event loop: virtual time, the pending-event queue, the handlers of
 * each event kind, the trace hash chain, the run's named random streams and its metrics.
 *
 * <p>Events run in (time, tie key) order, where the tie key comes from the {@link SameTimeOrder}
 * (scheduling order by default). Every dispatched event is folded into the hash chain as
 * (dispatch index, time, kind name hash, entity, payload), so two runs are equal iff their chains
 * are. A {@link CheckFailure} thrown by a handler surfaces as a {@link SimulationFailure} that names
 * the event number, kind and simulated time.
 */
public final class Simulation {
    private final long seed;
    private final SameTimeOrder order;
    private final boolean orderObservesDispatch;
    // FIFO's tie key is the sequence itself: no call, however many orders a JVM has loaded.
    private final boolean orderIsFifo;
    // A trace sink or a dispatch-observing order: one check per dispatch covers both.
    private boolean dispatchObserved;
    private final EventQueue queue;
    private final Metrics metrics = new Metrics();

    private EventHandler[] handlers = new EventHandler[16];
    private String[] kindNames = new String[16];
    private long[] kindHashes = new long[16];
    private int kindCount;

    private long nowNanos;
    private long sequence;
    private long dispatched;
    private long eventCountMax = Long.MAX_VALUE;
    private long traceHash = TraceHash.INITIAL;
    private TraceSink traceSink;
    private boolean stopRequested;

    public Simulation(long seed) {
        this(seed, SameTimeOrder.fifo(), 1024);
    }

    public Simulation(long seed, SameTimeOrder order, int initialQueueCapacity) {
        this.seed = seed;
        this.order = order;
        this.orderObservesDispatch = order.observesDispatch();
        this.orderIsFifo = order == SameTimeOrder.fifo();
        this.dispatchObserved = orderObservesDispatch;
        this.queue = new EventQueue(initialQueueCapacity);
    }

    /** Registers the handler of a new event kind; the name enters the trace hash. */
    public int registerKind(String name, EventHandler handler) {
        for (int i = 0; i < kindCount; i++) {
            Check.that(!kindNames[i].equals(name), "event kind registered twice: " + name);
        }
        if (kindCount == handlers.length) {
            handlers = Arrays.copyOf(handlers, kindCount * 2);
            kindNames = Arrays.copyOf(kindNames, kindCount * 2);
            kindHashes = Arrays.copyOf(kindHashes, kindCount * 2);
        }
        handlers[kindCount] = handler;
        kindNames[kindCount] = name;
        kindHashes[kindCount] = SimRandom.fnv1a64(name);
        return kindCount++;
    }

    public String kindName(int kind) {
        return kindNames[kind];
    }

    /** Schedules an event at an absolute time (not in the past) and returns its handle. */
    public long schedule(long atNanos, int kind, int entity, long payload) {
        return queue.push(atNanos, nextTieKey(atNanos, kind, entity), kind, entity, payload);
    }

    /**
     * Schedules an event at an absolute time (not in the past) that will never be cancelled or
     * looked up. It has no handle, which makes it cheaper than {@link #schedule}; it runs in the
     * same order and enters the trace exactly as a scheduled event would.
     */
    public void post(long atNanos, int kind, int entity, long payload) {
        queue.pushUnhandled(atNanos, nextTieKey(atNanos, kind, entity), kind, entity, payload);
    }

    /** {@link #post} {@code delayNanos} (≥ 0) from now. */
    public void postAfter(long delayNanos, int kind, int entity, long payload) {
        post(nowNanos + delayNanos, kind, entity, payload);
    }

    /** The tie key of the next event scheduled; it must not be due in the past. */
    private long nextTieKey(long atNanos, int kind, int entity) {
        if (atNanos < nowNanos) {
            throw scheduledInThePast(atNanos, kind);
        }
        long tie = orderIsFifo ? sequence : order.tieKey(sequence, kind, entity);
        sequence++;
        return tie;
    }

    private CheckFailure scheduledInThePast(long atNanos, int kind) {
        return new CheckFailure("event " + kindNames[kind] + " scheduled in the past: "
                + atNanos + " < " + nowNanos);
    }

    /** Schedules an event {@code delayNanos} (≥ 0) from now. */
    public long scheduleAfter(long delayNanos, int kind, int entity, long payload) {
        return schedule(nowNanos + delayNanos, kind, entity, payload);
    }

    /** Cancels a pending event; false if it already fired, was cancelled, or never existed. */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    public boolean isPending(long handle) {
        return queue.isPending(handle);
    }

    /** Due time of a pending event, {@code Long.MIN_VALUE} if the handle is not pending. */
    public long dueTimeOf(long handle) {
        return queue.timeOf(handle);
    }

    /** Dispatches the next event; false if none is pending. */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        dispatchEarliest();
        return true;
    }

    /** Dispatches the earliest event, which the queue must hold. */
    private void dispatchEarliest() {
        queue.popMin();
        final long time = queue.poppedTime();
        final int kind = queue.poppedKind();
        final int entity = queue.poppedEntity();
        final long payload = queue.poppedPayload();
        final long index = dispatched++;
        nowNanos = time;
        traceHash = TraceHash.fold(traceHash, index, time, kindHashes[kind], entity, payload);
        if (dispatchObserved) {
            observeDispatch(index, time, kind, entity, payload);
        }
        try {
            handlers[kind].onEvent(entity, payload);
        } catch (CheckFailure failure) {
            throw new SimulationFailure(index, time, kindNames[kind], failure);
        }
    }

    private void observeDispatch(long index, long time, int kind, int entity, long payload) {
        if (traceSink != null) {
            traceSink.onEvent(index, time, kindNames[kind], entity, payload, traceHash);
        }
        if (orderObservesDispatch) {
            order.onDispatch(index, kind, entity);
        }
    }

    /**
     * Dispatches every event due at or before {@code timeLimitNanos}; then the clock reads the
     * limit (unless it is {@link io.schedsim.core.time.SimTime#NEVER} or the run stopped early).
     */
    public StopReason runUntil(long timeLimitNanos) {
        while (true) {
            if (stopRequested) {
                return StopReason.STOPPED;
            }
            if (dispatched >= eventCountMax) {
                return StopReason.EVENT_LIMIT;
            }
            // Without a time limit the earliest event's time is not needed: popMin finds it.
            if (queue.isEmpty()
                    || (timeLimitNanos != Long.MAX_VALUE && queue.minTime() > timeLimitNanos)) {
                if (timeLimitNanos != Long.MAX_VALUE && timeLimitNanos > nowNanos) {
                    nowNanos = timeLimitNanos;
                }
                return queue.isEmpty() ? StopReason.QUEUE_EMPTY : StopReason.TIME_LIMIT;
            }
            dispatchEarliest();
        }
    }

    /** Dispatches events until none is pending (or the budget or a stop ends the run). */
    public StopReason runUntilQuiescent() {
        return runUntil(Long.MAX_VALUE);
    }

    /** Dispatches events while {@code condition} holds before each one. */
    public StopReason runWhile(BooleanSupplier condition) {
        while (true) {
            if (stopRequested) {
                return StopReason.STOPPED;
            }
            if (dispatched >= eventCountMax) {
                return StopReason.EVENT_LIMIT;
            }
            if (!condition.getAsBoolean()) {
                return StopReason.CONDITION;
            }
            if (!step()) {
                return StopReason.QUEUE_EMPTY;
            }
        }
    }

    /** Asks the loop to return {@link StopReason#STOPPED} before the next event. */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Bounds the total number of events dispatched by this simulation. */
    public void setEventCountMax(long eventCountMax) {
        Check.that(eventCountMax > 0, "eventCountMax must be positive", eventCountMax);
        this.eventCountMax = eventCountMax;
    }

    public void setTraceSink(TraceSink traceSink) {
        this.traceSink = traceSink;
        this.dispatchObserved = traceSink != null || orderObservesDispatch;
    }

    /** The named stream {@code name} of this run; each call returns a fresh generator. */
    public SimRandom random(String name) {
        return SimRandom.stream(seed, name);
    }

    public long seed() {
        return seed;
    }

    public long nowNanos() {
        return nowNanos;
    }

    public long eventCount() {
        return dispatched;
    }

    public int pendingCount() {
        return queue.size();
    }

    public long traceHash() {
        return traceHash;
    }

    public Metrics metrics() {
        return metrics;
    }

    public SameTimeOrder order() {
        return order;
    }
}
