package io.schedsim.prop.search.guided;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultAction;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.fault.plan.FaultPlanJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits guided search makes to a fault plan: remove an action, add one taken from another
 * corpus plan, duplicate one at another time, shift one in time, retarget its nodes, make it
 * stronger or weaker, align its start or end with another's, put it on another's node; and
 * {@link #focus}, which moves one to the node and instant of a near miss. Edits work on the
 * plan's JSON form, so they apply to every action type by its fields ({@code atMillis},
 * {@code node}, {@code nodes}, durations, probabilities, counts) and every result is validated by
 * the action's own constructor: an edit that makes an invalid action, or changes nothing, gives
 * {@code null}, and the caller draws another. Deterministic in the stream given.
 */
public final class PlanEdits {
    private static final ObjectMapper MAPPER = FaultPlanJson.mapper();
    /** Shifts are {@code ±100 ms × 2^k}, k below this: 100 ms to about 7 minutes. */
    private static final int SHIFT_STEPS = 13;
    /** Fields scaled by an intensity edit; durations keep {@link FaultAction#UNTIL_HEAL}. */
    private static final List<String> INTENSITIES = List.of("durationMillis", "lossProbability",
            "duplicateProbability", "maxExtraDelayMillis", "extraDelayMillis", "slowdownFactor",
            "ratePpm", "deltaMillis", "count", "deadlineMillis");

    /** The kinds of edit, drawn uniformly. */
    enum Kind { REMOVE, ADD, DUPLICATE, SHIFT, RETARGET, INTENSITY, ALIGN, COLOCATE }

    /** Aligned actions land within {@code ±100 ms × 2^k} of the other, k below this (≤ 3.2 s). */
    private static final int ALIGN_STEPS = 6;

    private PlanEdits() {}

    /**
     * One random edit of {@code plan}; {@code donor} lends an action to ADD, {@code nodeSlots}
     * bounds retargeting. Null when the drawn edit does not apply or makes an invalid plan.
     */
    public static FaultPlan edit(FaultPlan plan, FaultPlan donor, int nodeSlots, SimRandom r) {
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        if (kind == Kind.ADD) {
            if (donor.size() == 0) {
                return null;
            }
            return plan.plus(FaultPlan.of(donor.get(r.nextInt(donor.size()))));
        }
        if (plan.size() == 0) {
            return null;
        }
        int index = r.nextInt(plan.size());
        if (kind == Kind.REMOVE) {
            return plan.without(index);
        }
        ObjectNode action = tree(plan.get(index));
        switch (kind) {
            case DUPLICATE, SHIFT -> shift(action, r);
            case ALIGN, COLOCATE -> {
                ObjectNode other = tree(plan.get(partner(plan, index, r)));
                if (plan.size() < 2 || !(kind == Kind.ALIGN ? align(action, other, r)
                        : colocate(action, other, r))) {
                    return null;
                }
            }
            case RETARGET -> {
                if (!retarget(action, nodeSlots, r)) {
                    return null;
                }
            }
            default -> {
                if (!scale(action, r)) {
                    return null;
                }
            }
        }
        FaultAction edited = action(action);
        if (edited == null || (kind != Kind.DUPLICATE && edited.equals(plan.get(index)))) {
            return null;
        }
        return kind == Kind.DUPLICATE ? plan.plus(FaultPlan.of(edited))
                : plan.with(index, edited);
    }

    private static void shift(ObjectNode action, SimRandom r) {
        long delta = 100L << r.nextInt(SHIFT_STEPS);
        if (r.chance(0.5)) {
            delta = -delta;
        }
        moveStart(action, action.path("atMillis").asLong() + delta);
    }

    /**
     * Moves {@code action} to start at {@code atMillis} (0 at the earliest), its recheck
     * window with it; false if it starts there already.
     */
    private static boolean moveStart(ObjectNode action, long atMillis) {
        long target = Math.max(0, atMillis);
        long at = action.path("atMillis").asLong();
        if (target == at) {
            return false;
        }
        action.put("atMillis", target);
        if (action.has("recheckUntilMillis")) {
            action.put("recheckUntilMillis", action.path("recheckUntilMillis").asLong()
                    + target - at);
        }
        return true;
    }

    /**
     * Another action for ALIGN and COLOCATE: half the time one of the same kind (two drains,
     * two partitions), else any other; {@code index} itself when the plan has one action.
     */
    private static int partner(FaultPlan plan, int index, SimRandom r) {
        if (plan.size() < 2) {
            return index;
        }
        String kind = plan.get(index).kind();
        if (r.chance(0.5)) {
            int same = 0;
            for (int i = 0; i < plan.size(); i++) {
                same += i != index && plan.get(i).kind().equals(kind) ? 1 : 0;
            }
            if (same > 0) {
                int pick = r.nextInt(same);
                for (int i = 0; i < plan.size(); i++) {
                    if (i != index && plan.get(i).kind().equals(kind) && pick-- == 0) {
                        return i;
                    }
                }
            }
        }
        int other = r.nextInt(plan.size() - 1);
        return other >= index ? other + 1 : other;
    }

    /**
     * Races need coincidences: moves {@code action} so that its start, or its end (start plus
     * duration or drain deadline), falls within a few seconds of the other's.
     */
    private static boolean align(ObjectNode action, ObjectNode other, SimRandom r) {
        long offset = (100L << r.nextInt(ALIGN_STEPS)) * (r.chance(0.5) ? 1 : -1);
        if (r.chance(0.25)) {
            offset = 0;
        }
        long target;
        if (r.chance(0.5) && length(action) > 0 && length(other) > 0) {
            target = other.path("atMillis").asLong() + length(other) - length(action) + offset;
        } else {
            target = other.path("atMillis").asLong() + offset;
        }
        return moveStart(action, target);
    }

    /** How long an action lasts for alignment: its duration or drain deadline; 0 if neither. */
    private static long length(ObjectNode action) {
        long duration = action.path("durationMillis").asLong(0);
        return duration > 0 ? duration : Math.max(0, action.path("deadlineMillis").asLong(0));
    }

    /** Points {@code action} at a node the other one names (the same node under two faults). */
    private static boolean colocate(ObjectNode action, ObjectNode other, SimRandom r) {
        List<Integer> nodes = nodesOf(other);
        if (nodes.isEmpty()) {
            return false;
        }
        return place(action, nodes.get(r.nextInt(nodes.size())), r);
    }

    /** The nodes {@code action} names: its node, its list of nodes, its victim slot. */
    private static List<Integer> nodesOf(JsonNode action) {
        List<Integer> nodes = new ArrayList<>();
        if (action.path("node").asInt(-1) >= 0) {
            nodes.add(action.path("node").asInt());
        }
        action.path("nodes").forEach(node -> nodes.add(node.asInt()));
        if ("slot".equals(action.path("victim").asText())) {
            nodes.add(action.path("victimPick").asInt());
        }
        return nodes;
    }

    /** Points {@code action} (its node, one of its nodes, or its victim slot) at {@code node}. */
    private static boolean place(ObjectNode action, int node, SimRandom r) {
        if (action.path("node").asInt(-1) >= 0) {
            action.put("node", node);
            return true;
        }
        JsonNode list = action.path("nodes");
        if (list instanceof ArrayNode array && array.size() > 0) {
            array.set(r.nextInt(array.size()), MAPPER.getNodeFactory().numberNode(node));
            return true;
        }
        if ("slot".equals(action.path("victim").asText())) {
            action.put("victimPick", node);
            return true;
        }
        return false;
    }

    /**
     * Aims an action at a near miss: one of {@code plan}'s (half the time, if any, one already
     * on {@code node}), or one of {@code donor}'s added, moved so that it starts, or ends,
     * within a few seconds of {@code atMillis}, and most of the time put on {@code node} (-1:
     * left where it is). A race needs a fault at the node and instant where a run came closest
     * to it, which the blind edits rarely hit together. Null when the edit does not apply or
     * makes an invalid plan.
     */
    public static FaultPlan focus(FaultPlan plan, FaultPlan donor, int node, long atMillis,
            int nodeSlots, SimRandom r) {
        int onNode = node < 0 ? -1 : actionOn(plan, node, r);
        boolean fromDonor = onNode < 0 && (plan.size() == 0 || r.chance(0.5));
        if (fromDonor && donor.size() == 0) {
            return null;
        }
        int index = onNode >= 0 ? onNode : fromDonor ? -1 : r.nextInt(plan.size());
        FaultAction source = fromDonor ? donor.get(r.nextInt(donor.size())) : plan.get(index);
        ObjectNode action = tree(source);
        if (onNode < 0 && node >= 0 && node < nodeSlots && r.chance(0.75)) {
            place(action, node, r);
        }
        long offset = r.chance(0.25) ? 0
                : (100L << r.nextInt(ALIGN_STEPS)) * (r.chance(0.5) ? 1 : -1);
        long target = r.chance(0.5) && length(action) > 0 ? atMillis - length(action) + offset
                : atMillis + offset;
        moveStart(action, target);
        FaultAction edited = action(action);
        if (edited == null || (!fromDonor && edited.equals(source))) {
            return null;
        }
        return fromDonor ? plan.plus(FaultPlan.of(edited)) : plan.with(index, edited);
    }

    /**
     * Half the time, one of {@code plan}'s actions already on {@code node} (the fault there is
     * the one to move to the instant); -1 otherwise or when none is.
     */
    private static int actionOn(FaultPlan plan, int node, SimRandom r) {
        if (!r.chance(0.5)) {
            return -1;
        }
        List<Integer> on = new ArrayList<>();
        // One conversion of the whole plan, not one per action: this runs for most mutants.
        JsonNode actions = planTree(plan).path("actions");
        for (int i = 0; i < plan.size(); i++) {
            if (nodesOf(actions.get(i)).contains(node)) {
                on.add(i);
            }
        }
        return on.isEmpty() ? -1 : on.get(r.nextInt(on.size()));
    }

    private static boolean retarget(ObjectNode action, int nodeSlots, SimRandom r) {
        if (nodeSlots < 2) {
            return false;
        }
        if (action.has("node") && action.path("node").asInt() >= 0) {
            action.put("node", r.nextInt(nodeSlots));
            return true;
        }
        JsonNode nodes = action.path("nodes");
        if (nodes instanceof ArrayNode list && list.size() > 0) {
            list.set(r.nextInt(list.size()), MAPPER.getNodeFactory().numberNode(
                    r.nextInt(nodeSlots)));
            return true;
        }
        if ("slot".equals(action.path("victim").asText())) {
            action.put("victimPick", r.nextInt(nodeSlots));
            return true;
        }
        if ("random".equals(action.path("victim").asText())) {
            action.put("victimPick", r.nextInt(Integer.MAX_VALUE));
            return true;
        }
        return false;
    }

    private static boolean scale(ObjectNode action, SimRandom r) {
        List<String> present = new ArrayList<>(2);
        for (String field : INTENSITIES) {
            JsonNode value = action.get(field);
            if (value != null && value.isNumber() && value.asDouble() > 0) {
                present.add(field);
            }
        }
        if (present.isEmpty()) {
            return false;
        }
        String field = present.get(r.nextInt(present.size()));
        double factor = r.chance(0.5) ? 2 : 0.5;
        JsonNode value = action.get(field);
        if (value.isIntegralNumber()) {
            action.put(field, Math.max(1, Math.round(value.asLong() * factor)));
        } else {
            action.put(field, Math.min(1.0, value.asDouble() * factor));
        }
        return true;
    }

    private static ObjectNode tree(FaultAction action) {
        return (ObjectNode) planTree(FaultPlan.of(action)).path("actions").get(0);
    }

    private static JsonNode planTree(FaultPlan plan) {
        try {
            return MAPPER.readTree(FaultPlanJson.write(plan));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The action {@code json} describes, or null if its constructor rejects it. */
    private static FaultAction action(ObjectNode json) {
        ObjectNode plan = MAPPER.createObjectNode();
        plan.putArray("actions").add(json);
        try {
            return FaultPlanJson.read(plan.toString()).get(0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
