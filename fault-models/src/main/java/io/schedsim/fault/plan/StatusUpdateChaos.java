package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Client status updates of every node are delayed by up to {@code maxExtraDelayMillis} (which
 * reorders them) and duplicated with {@code duplicateProbability}, for the duration.
 */
public record StatusUpdateChaos(long atMillis, long durationMillis, long maxExtraDelayMillis,
        double duplicateProbability) implements FaultAction {
    public static final String KIND = "status-update-chaos";

    public StatusUpdateChaos {
        Shrink.requireTime(atMillis);
        Shrink.requireSpan(maxExtraDelayMillis, "maxExtraDelayMillis");
        Shrink.requireDuration(durationMillis);
        Shrink.requireNonNegative(maxExtraDelayMillis, "maxExtraDelayMillis");
        Shrink.requireProbability(duplicateProbability, "duplicateProbability");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return TimeText.duration(durationMillis) + " max-delay="
                + TimeText.seconds(maxExtraDelayMillis) + " duplicate-p=" + duplicateProbability;
    }

    @Override
    public List<FaultAction> simpler() {
        List<FaultAction> simpler = new ArrayList<>();
        for (long[] window : Shrink.shorterWindows(atMillis, durationMillis)) {
            simpler.add(new StatusUpdateChaos(window[0], window[1], maxExtraDelayMillis,
                    duplicateProbability));
        }
        if (maxExtraDelayMillis >= 2) {
            simpler.add(new StatusUpdateChaos(atMillis, durationMillis, maxExtraDelayMillis / 2,
                    duplicateProbability));
        }
        if (duplicateProbability > 0) {
            double lower = Shrink.canHalve(duplicateProbability) ? duplicateProbability / 2 : 0.0;
            simpler.add(new StatusUpdateChaos(atMillis, durationMillis, maxExtraDelayMillis,
                    lower));
        }
        return simpler;
    }

    @Override
    public long complexity() {
        return Shrink.durationComplexity(durationMillis) + maxExtraDelayMillis
                + Shrink.probabilityComplexity(duplicateProbability);
    }
}
