package io.schedsim.fault.plan;

import java.util.List;

/** F-7 leader failover: in-flight plans are lost and heartbeat timers reset (N-26). */
public record LeaderFailover(long atMillis) implements FaultAction {
    public static final String KIND = "leader-failover";

    public LeaderFailover {
        Shrink.requireTime(atMillis);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        return "";
    }

    @Override
    public List<FaultAction> simpler() {
        return List.of();
    }

    @Override
    public long complexity() {
        return 0;
    }
}
