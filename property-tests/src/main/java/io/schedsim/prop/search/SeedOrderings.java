package io.schedsim.prop.search;

import io.schedsim.core.random.SimRandom;
import io.schedsim.prop.scenario.OrderingSpec;

/**
 * The same-time ordering a sweep gives each seed: {@code fifo} always, or {@code mixed}: fifo,
 * random or PCT with 1..3 change points, drawn from the seed's own {@code search} stream, so a
 * seed means the same run whichever worker, thread or machine takes it.
 */
public final class SeedOrderings {
    public static final String FIFO = "fifo";
    public static final String MIXED = "mixed";

    private SeedOrderings() {}

    /** The ordering of {@code seed} under {@code mode}. */
    public static OrderingSpec of(long seed, String mode) {
        if (!mode.equals(MIXED)) {
            return OrderingSpec.FIFO;
        }
        SimRandom search = SimRandom.stream(seed, "search");
        switch (search.nextInt(3)) {
            case 0:
                return OrderingSpec.FIFO;
            case 1:
                return OrderingSpec.random();
            default:
                return OrderingSpec.pct(1 + search.nextInt(3), 4_000);
        }
    }
}
