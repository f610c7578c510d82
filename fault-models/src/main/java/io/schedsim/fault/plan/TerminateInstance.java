package io.schedsim.fault.plan;

import java.util.List;

/**
 * F-1 host loss with the Ray chaos killer's rules (SC-1, ray:release/nightly_tests/setup_chaos.py):
 * at fire time the victim is chosen among the eligible workers (alive in the server view, not the
 * head, not yet killed); the kill happens only if at least two are eligible, so one worker always
 * survives. Otherwise the injector re-checks every second until {@code recheckUntilMillis}, then
 * records the action as skipped.
 *
 * @param victimPick for {@link VictimRule#RANDOM} a draw made at plan time, for
 *     {@link VictimRule#SLOT} the node slot, for {@link VictimRule#FIRST} always 0
 */
public record TerminateInstance(long atMillis, VictimRule victim, int victimPick,
        long recheckUntilMillis) implements FaultAction, VictimChoice {
    public static final String KIND = "terminate-instance";
    /** Ray's killer re-checks for a candidate after 1 s (test_utils.py). */
    public static final long RECHECK_INTERVAL_MILLIS = 1_000;

    public TerminateInstance {
        Shrink.requireTime(atMillis);
        Shrink.requireSpan(recheckUntilMillis, "recheckUntilMillis");
        if (victim == null) {
            throw new IllegalArgumentException("victim rule must be set");
        }
        Shrink.requireNonNegative(victimPick, "victimPick");
        if (recheckUntilMillis < atMillis) {
            throw new IllegalArgumentException("recheckUntilMillis must be >= atMillis: "
                    + recheckUntilMillis + " < " + atMillis);
        }
        if (victim == VictimRule.FIRST) {
            victimPick = 0;
        }
    }

    public static TerminateInstance first(long atMillis, long recheckUntilMillis) {
        return new TerminateInstance(atMillis, VictimRule.FIRST, 0, recheckUntilMillis);
    }

    public static TerminateInstance random(long atMillis, int pick, long recheckUntilMillis) {
        return new TerminateInstance(atMillis, VictimRule.RANDOM, pick, recheckUntilMillis);
    }

    public static TerminateInstance slot(long atMillis, int node, long recheckUntilMillis) {
        return new TerminateInstance(atMillis, VictimRule.SLOT, node, recheckUntilMillis);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        String rule = victimText();
        return recheckUntilMillis > atMillis
                ? rule + " recheck-until=" + TimeText.seconds(recheckUntilMillis) : rule;
    }

    private String victimText() {
        if (victim == VictimRule.FIRST) {
            return "victim=first";
        }
        if (victim == VictimRule.RANDOM) {
            return "victim=random pick=" + victimPick;
        }
        return "victim=slot node=" + victimPick;
    }

    @Override
    public List<FaultAction> simpler() {
        if (victim == VictimRule.RANDOM) {
            return List.of(first(atMillis, recheckUntilMillis));
        }
        return List.of();
    }

    @Override
    public long complexity() {
        return victim == VictimRule.RANDOM ? 1 : 0;
    }
}
