package io.schedsim.fault.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An ordered list of timed fault actions: what the generator draws, the shrinker edits, the
 * replay file stores and the injector schedules. Actions are kept sorted by {@code atMillis};
 * the sort is stable, so actions at the same instant keep the order they were given in, which is
 * also the order in which they are scheduled (and, under FIFO same-time order, fired).
 */
public record FaultPlan(List<FaultAction> actions) {
    /** The plan with no faults. */
    public static final FaultPlan EMPTY = new FaultPlan(List.of());

    private static final Comparator<FaultAction> BY_TIME =
            Comparator.comparingLong(FaultAction::atMillis);

    public FaultPlan {
        if (actions == null) {
            throw new IllegalArgumentException("actions must not be null");
        }
        List<FaultAction> sorted = new ArrayList<>(actions.size());
        for (FaultAction action : actions) {
            if (action == null) {
                throw new IllegalArgumentException("a fault plan holds no null actions");
            }
            sorted.add(action);
        }
        sorted.sort(BY_TIME);
        actions = List.copyOf(sorted);
    }

    public static FaultPlan of(FaultAction... actions) {
        return new FaultPlan(List.of(actions));
    }

    /** Number of actions. */
    public int size() {
        return actions.size();
    }

    public FaultAction get(int index) {
        return actions.get(index);
    }

    /** This plan without the action at {@code index}. */
    public FaultPlan without(int index) {
        List<FaultAction> copy = new ArrayList<>(actions);
        copy.remove(index);
        return new FaultPlan(copy);
    }

    /** This plan with the action at {@code index} replaced; the plan is sorted again. */
    public FaultPlan with(int index, FaultAction replacement) {
        List<FaultAction> copy = new ArrayList<>(actions);
        copy.set(index, replacement);
        return new FaultPlan(copy);
    }

    /**
     * Smaller plans for a shrinker, most aggressive first: each single action removed (in plan
     * order), then each action replaced by each of its {@link FaultAction#simpler()} candidates.
     * Every candidate has fewer actions, or as many with a strictly lower {@link #complexity()}.
     */
    public List<FaultPlan> shrinkCandidates() {
        List<FaultPlan> candidates = new ArrayList<>();
        for (int index = 0; index < actions.size(); index++) {
            candidates.add(without(index));
        }
        for (int index = 0; index < actions.size(); index++) {
            for (FaultAction simpler : actions.get(index).simpler()) {
                candidates.add(with(index, simpler));
            }
        }
        return candidates;
    }

    /** Both plans' actions; at equal times this plan's actions come first. */
    public FaultPlan plus(FaultPlan other) {
        List<FaultAction> both = new ArrayList<>(actions);
        both.addAll(other.actions);
        return new FaultPlan(both);
    }

    /** Number of actions per kind, sorted by kind name. */
    public SortedMap<String, Integer> countByKind() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (FaultAction action : actions) {
            counts.merge(action.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** Sum of the actions' complexities; the shrinker's secondary measure after size. */
    public long complexity() {
        long total = 0;
        for (FaultAction action : actions) {
            total += action.complexity();
        }
        return total;
    }

    /** One line per action, each ending with a newline; empty for the empty plan. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (FaultAction action : actions) {
            text.append(action.describe()).append('\n');
        }
        return text.toString();
    }

    /** The plan as pretty-printed JSON ({@link FaultPlanJson}). */
    public String toJson() {
        return FaultPlanJson.write(this);
    }

    /** Reads a plan written by {@link #toJson()}; rejects unknown types and fields. */
    public static FaultPlan fromJson(String json) {
        return FaultPlanJson.read(json);
    }
}
