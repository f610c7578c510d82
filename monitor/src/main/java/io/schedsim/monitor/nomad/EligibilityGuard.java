package io.schedsim.monitor.nomad;

import io.schedsim.history.DrainCancelCall;
import io.schedsim.history.DrainSetCall;
import io.schedsim.history.EligibilityChanged;
import io.schedsim.history.EligibilitySetCall;
import io.schedsim.history.EligibilitySource;
import io.schedsim.history.HistoryEvent;
import io.schedsim.monitor.Invariant;
import io.schedsim.monitor.state.Guard;
import io.schedsim.monitor.state.NodeTable;
import io.schedsim.monitor.state.State;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import io.schedsim.history.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Eligibility: INV-2 (a draining node is ineligible at the end of every step; an accepted
 * "eligible" while draining is a violation), INV-3 (every change of eligibility is explained by
 * an accepted operator call or drain set in the same step: the model's claimed source is never
 * trusted, so a drain completion that flips it is caught whatever it claims), N-21 (the call is
 * rejected exactly when it asks eligible of a draining node, and an accepted one applies) and
 * N-2 (an accepted disable with markEligible leaves the node eligible by the end of its step).
 * Calls are emitted after their effects, so explanations are settled at the end of the instant;
 * a drain disable is emitted as its drain clears, which is what tells the monitor the drain is
 * gone, so its markEligible change may follow it in the step (docs/history.md §1.4, rule 3).
 */
public final class EligibilityGuard extends Guard {
    private static final byte BECAME_ELIGIBLE = 1;
    private static final byte BECAME_INELIGIBLE = 2;
    private static final byte GRANT_ELIGIBLE = 4;
    private static final byte GRANT_INELIGIBLE = 8;
    private static final byte TOUCHED = 16;
    /** An accepted drain disable with markEligible whose node is not eligible yet. */
    private static final byte OWED_ELIGIBLE = 32;

    private static final Set<EventType> EVENTS = EnumSet.of(
            EventType.ELIGIBILITY_SET_CALL, EventType.DRAIN_CANCEL_CALL, EventType.DRAIN_SET_CALL,
            EventType.DRAIN_COMPLETED, EventType.ELIGIBILITY_CHANGED);

    private final State state;
    private final IntArrayList touched = new IntArrayList();
    private byte[] flags = new byte[16];
    private EligibilitySource[] claimed = new EligibilitySource[16];

    public EligibilityGuard(State state) {
        this.state = state;
    }

    @Override
    public Set<EventType> events() {
        return EVENTS;
    }

    @Override
    public boolean judgesSteps() {
        return true;
    }

    @Override
    public void before(HistoryEvent event) {
        switch (state.eventType) {
            case ELIGIBILITY_SET_CALL -> onCall((EligibilitySetCall) event);
            case DRAIN_CANCEL_CALL -> {
                DrainCancelCall e = (DrainCancelCall) event;
                boolean grants = e.accepted() && e.markEligible();
                note(state.nodeIndex, grants ? GRANT_ELIGIBLE : 0);
                if (grants && !state.nodes.eligible(state.nodeIndex)) {
                    note(state.nodeIndex, OWED_ELIGIBLE);
                }
            }
            case DRAIN_SET_CALL -> note(state.nodeIndex,
                    ((DrainSetCall) event).accepted() ? GRANT_INELIGIBLE : 0);
            case DRAIN_COMPLETED -> note(state.nodeIndex, (byte) 0);
            case ELIGIBILITY_CHANGED -> {
                EligibilityChanged e = (EligibilityChanged) event;
                int n = state.nodeIndex;
                note(n, e.eligible() == state.nodes.eligible(n) ? 0
                        : e.eligible() ? BECAME_ELIGIBLE : BECAME_INELIGIBLE);
                if (e.eligible()) {
                    flags[n] &= ~OWED_ELIGIBLE;
                }
                claimed[n] = e.source();
            }
            default -> {
                // nothing else concerns eligibility
            }
        }
    }

    private void onCall(EligibilitySetCall e) {
        int n = state.nodeIndex;
        NodeTable nodes = state.nodes;
        boolean mustReject = e.eligible() && nodes.draining(n);
        if (nodes.purged(n)) {
            // The servers hold no such node until it registers again: "node not found".
            if (e.accepted()) {
                report(Invariant.ELIGIBILITY_API, e.node(), "eligibility call accepted for "
                        + "node " + e.node() + ", which was purged");
            }
            note(n, 0);
            return;
        }
        if (e.accepted() && mustReject) {
            report(Invariant.DRAIN_IMPLIES_INELIGIBLE, e.node(), "eligibility call setting "
                    + "eligible accepted while node " + e.node() + " is draining");
        } else if (!e.accepted() && !mustReject) {
            report(Invariant.ELIGIBILITY_API, e.node(), "eligibility call (eligible "
                    + e.eligible() + ") rejected although node " + e.node() + " is not "
                    + "draining: \"" + e.message() + "\"");
        }
        note(n, !e.accepted() ? 0 : e.eligible() ? GRANT_ELIGIBLE : GRANT_INELIGIBLE);
        if (e.accepted()) {
            if (nodes.eligible(n) != e.eligible() && !mustReject) {
                report(Invariant.ELIGIBILITY_API, e.node(), "eligibility call (eligible "
                        + e.eligible() + ") accepted but node " + e.node() + " stayed eligible "
                        + nodes.eligible(n));
            }
        }
    }

    @Override
    public void endOfInstant(long instantNanos) {
        NodeTable nodes = state.nodes;
        for (int k = 0; k < touched.size(); k++) {
            int n = touched.getInt(k);
            byte f = flags[n];
            if ((f & BECAME_ELIGIBLE) != 0 && (f & GRANT_ELIGIBLE) == 0) {
                report(Invariant.COMPLETION_NEVER_REENABLES, nodes.id(n), "node " + nodes.id(n)
                        + " made eligible by no accepted eligibility call or drain disable "
                        + "with markEligible (claimed source " + claimed[n] + ")");
            }
            if ((f & BECAME_INELIGIBLE) != 0 && (f & GRANT_INELIGIBLE) == 0) {
                report(Invariant.COMPLETION_NEVER_REENABLES, nodes.id(n), "node " + nodes.id(n)
                        + " made ineligible by no accepted eligibility call or drain set "
                        + "(claimed source " + claimed[n] + ")");
            }
            if ((f & OWED_ELIGIBLE) != 0) {
                report(Invariant.MARK_ELIGIBLE_ON_DISABLE, nodes.id(n), "drain disable with "
                        + "markEligible accepted but node " + nodes.id(n) + " stayed ineligible");
            }
            // INV-2 at the end of every step that touched the node: draining implies ineligible.
            if (nodes.draining(n) && nodes.eligible(n)) {
                report(Invariant.DRAIN_IMPLIES_INELIGIBLE, nodes.id(n), "node " + nodes.id(n)
                        + " is draining and eligible");
            }
            flags[n] = 0;
        }
        touched.clear();
    }

    private void note(int n, int flag) {
        if (n >= flags.length) {
            int size = Math.max(n + 1, flags.length * 2);
            flags = Arrays.copyOf(flags, size);
            claimed = Arrays.copyOf(claimed, size);
        }
        if ((flags[n] & TOUCHED) == 0) {
            flags[n] = TOUCHED;
            touched.add(n);
        }
        flags[n] |= (byte) flag;
    }

    private void report(Invariant invariant, int node, String message) {
        state.verdicts.report(invariant, node, -1, -1, -1, message);
    }
}
