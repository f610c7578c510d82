package io.schedsim.prop.search.guided;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.OrderingSpec;
import java.io.Serializable;
import java.util.Objects;

/**
 * A run guided search keeps because it reached something no earlier run had: its seed, ordering
 * and fault plan (as JSON, so the entry travels to other JVMs), the node slots its cluster had
 * (for retargeting) and the new features it brought. Immutable; the parsed plan is cached.
 */
public final class CorpusEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final OrderingSpec ordering;
    private final String planJson;
    private final int nodeSlots;
    private final int[] introduced;
    /** Per near-miss measure, where and when the run reached its best ({@link Coverage#focus()}). */
    private final long[] focus;
    private transient volatile FaultPlan plan;

    /** An entry whose run first reached the features {@code introduced}. */
    public CorpusEntry(long seed, OrderingSpec ordering, String planJson, int nodeSlots,
            int[] introduced) {
        this(seed, ordering, planJson, nodeSlots, introduced, new long[0]);
    }

    /** As above, with where the run reached each near-miss best ({@link Coverage#focus()}). */
    public CorpusEntry(long seed, OrderingSpec ordering, String planJson, int nodeSlots,
            int[] introduced, long[] focus) {
        this.focus = focus.clone();
        this.seed = seed;
        this.ordering = Objects.requireNonNull(ordering, "ordering");
        this.planJson = Objects.requireNonNull(planJson, "planJson");
        this.nodeSlots = nodeSlots;
        this.introduced = introduced.clone();
    }

    public long seed() {
        return seed;
    }

    public OrderingSpec ordering() {
        return ordering;
    }

    public String planJson() {
        return planJson;
    }

    public int nodeSlots() {
        return nodeSlots;
    }

    /** The features no run before this entry's had reached. */
    public int[] introduced() {
        return introduced.clone();
    }

    /**
     * Where and when this entry's run reached its best of near-miss measure {@code metric},
     * packed as {@link Coverage#focusOf}; -1 if unknown.
     */
    public long focus(int metric) {
        return metric < focus.length ? focus[metric] : -1;
    }

    int introducedCount() {
        return introduced.length;
    }

    int introduced(int index) {
        return introduced[index];
    }

    /** The plan, parsed once per copy of the entry. */
    public FaultPlan plan() {
        FaultPlan parsed = plan;
        if (parsed == null) {
            parsed = FaultPlan.fromJson(planJson);
            plan = parsed;
        }
        return parsed;
    }
}
