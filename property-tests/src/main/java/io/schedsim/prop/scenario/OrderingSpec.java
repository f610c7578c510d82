package io.schedsim.prop.scenario;

import io.schedsim.core.event.PctOrder;
import io.schedsim.core.event.RandomOrder;
import io.schedsim.core.event.SameTimeOrder;
import io.schedsim.core.random.SimRandom;
import java.io.Serializable;

/**
 * The same-time ordering of a run as data (it goes into replay files): {@code fifo}, {@code
 * random}, or {@code pct} with {@code changePoints} change points over {@code expectedEvents}.
 * Seeded strategies draw from the run's {@code ordering} stream.
 */
public record OrderingSpec(String kind, int changePoints, long expectedEvents)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** PCT needs a handful (Burckhardt et al. use depth 1..3); more is a malformed file. */
    public static final int CHANGE_POINTS_MAX = 1_000;

    public static final OrderingSpec FIFO = new OrderingSpec("fifo", 0, 0);

    public OrderingSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be fifo, random or pct");
        }
        if (changePoints < 0 || changePoints > CHANGE_POINTS_MAX) {
            throw new IllegalArgumentException("changePoints must be within [0, "
                    + CHANGE_POINTS_MAX + "]: " + changePoints);
        }
        if (expectedEvents < 0) {
            throw new IllegalArgumentException("expectedEvents must be >= 0: " + expectedEvents);
        }
    }

    public static OrderingSpec random() {
        return new OrderingSpec("random", 0, 0);
    }

    public static OrderingSpec pct(int changePoints, long expectedEvents) {
        return new OrderingSpec("pct", changePoints, expectedEvents);
    }

    public SameTimeOrder create(long runSeed) {
        SimRandom random = SimRandom.stream(runSeed, "ordering");
        switch (kind) {
            case "fifo":
                return SameTimeOrder.fifo();
            case "random":
                return new RandomOrder(random);
            case "pct":
                return new PctOrder(random, changePoints, expectedEvents);
            default:
                throw new InputException("ordering.kind: unknown ordering '" + kind
                        + "' (known: fifo, random, pct)");
        }
    }

    /** {@code fifo}, {@code random} or {@code pct(2 over 4000 events)}, as a spec prints it. */
    public String describe() {
        return kind.equals("pct") ? "pct(" + changePoints + " over " + expectedEvents + " events)"
                : kind;
    }

    /** One step simpler for the shrinker: pct → random → fifo. */
    public OrderingSpec simpler() {
        if (kind.equals("pct")) {
            return changePoints > 0 ? pct(changePoints - 1, expectedEvents) : random();
        }
        return FIFO;
    }
}
