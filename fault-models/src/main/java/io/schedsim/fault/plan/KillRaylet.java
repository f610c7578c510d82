package io.schedsim.fault.plan;

import java.util.List;

/**
 * F-2 raylet kill with the Ray chaos killer's rules, as the CI chaos cluster's {@code RayletKiller}
 * does it (ray:python/ray/tests/conftest.py {@code _ray_start_chaos_cluster},
 * ray:python/ray/_private/test_utils.py: {@code ShutdownRaylet(graceful=false)}): the victim's
 * raylet exits at once, its host stays up and refuses connections, and its workers exit within a
 * second. The victim is chosen as for {@link TerminateInstance}: among the workers alive in
 * the server view, not the head, not yet killed, and only while at least two are, so one worker
 * always survives; otherwise the injector re-checks every second until {@code recheckUntilMillis},
 * then records the action as skipped.
 *
 * @param victimPick for {@link VictimRule#RANDOM} a draw made at plan time, for
 *     {@link VictimRule#SLOT} the node slot, for {@link VictimRule#FIRST} always 0
 */
public record KillRaylet(long atMillis, VictimRule victim, int victimPick,
        long recheckUntilMillis) implements FaultAction, VictimChoice {
    public static final String KIND = "kill-raylet";

    public KillRaylet {
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

    public static KillRaylet first(long atMillis, long recheckUntilMillis) {
        return new KillRaylet(atMillis, VictimRule.FIRST, 0, recheckUntilMillis);
    }

    public static KillRaylet random(long atMillis, int pick, long recheckUntilMillis) {
        return new KillRaylet(atMillis, VictimRule.RANDOM, pick, recheckUntilMillis);
    }

    public static KillRaylet slot(long atMillis, int node, long recheckUntilMillis) {
        return new KillRaylet(atMillis, VictimRule.SLOT, node, recheckUntilMillis);
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
