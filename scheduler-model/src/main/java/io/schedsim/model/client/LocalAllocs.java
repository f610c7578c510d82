package io.schedsim.model.client;

import java.util.Arrays;

/**
 * What the clients are actually doing with each allocation: its local state and the node
 * incarnation the client started it in. This is ground truth the servers never see, so it lives
 * with the client, in columns indexed by allocation id (ids are dense, in creation order); the
 * columns double as allocations are placed.
 */
final class LocalAllocs {
    /** No incarnation: the client never started or stopped the allocation. */
    static final int NO_INCARNATION = -1;

    private LocalState[] states = new LocalState[0];
    private int[] incarnations = new int[0];
    /** True time of the health hook's healthy_deadline (N-12), set when the alloc runner starts. */
    private long[] healthDeadlines = new long[0];
    /** The client has reported the allocation's health (true or false) once; it never changes. */
    private boolean[] healthDecided = new boolean[0];
    /** The allocation started running while its health checks were failing; they never pass. */
    private boolean[] checksFailing = new boolean[0];

    /** Makes room for allocation {@code id}; its state starts as {@link LocalState#NONE}. */
    void ensure(int id) {
        if (id < states.length) {
            return;
        }
        int old = states.length;
        int capacity = Math.max(64, old);
        while (capacity <= id) {
            capacity *= 2;
        }
        states = Arrays.copyOf(states, capacity);
        incarnations = Arrays.copyOf(incarnations, capacity);
        healthDeadlines = Arrays.copyOf(healthDeadlines, capacity);
        healthDecided = Arrays.copyOf(healthDecided, capacity);
        checksFailing = Arrays.copyOf(checksFailing, capacity);
        Arrays.fill(states, old, capacity, LocalState.NONE);
        Arrays.fill(incarnations, old, capacity, NO_INCARNATION);
    }

    LocalState state(int id) {
        return id < states.length ? states[id] : LocalState.NONE;
    }

    /** The node incarnation the client started (or stopped) it in; a dead one never reports. */
    int incarnation(int id) {
        return id < incarnations.length ? incarnations[id] : NO_INCARNATION;
    }

    long healthDeadline(int id) {
        return healthDeadlines[id];
    }

    void setHealthDeadline(int id, long trueNanos) {
        ensure(id);
        healthDeadlines[id] = trueNanos;
    }

    boolean healthDecided(int id) {
        return id < healthDecided.length && healthDecided[id];
    }

    void decideHealth(int id) {
        ensure(id);
        healthDecided[id] = true;
    }

    boolean checksFailing(int id) {
        return id < checksFailing.length && checksFailing[id];
    }

    void failChecks(int id) {
        ensure(id);
        checksFailing[id] = true;
    }

    void setState(int id, LocalState state) {
        ensure(id);
        states[id] = state;
    }

    void set(int id, LocalState state, int incarnation) {
        ensure(id);
        states[id] = state;
        incarnations[id] = incarnation;
    }
}
