package io.schedsim.fault.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * F-3 worker kill (Ray {@code WorkerKillerActor}): crashes up to {@code count} running attempts or
 * allocations on the node; the node itself stays alive. Each crash hits the Ray task attempt
 * {@code attemptPick} modulo the attempts running on the node at fire time, in grant order (0,
 * the default, is the first: Ray's killer and the action before these fields), and fails it with
 * {@code cause} (default worker-died; application-error, R-1; oom, R-2). Actors and allocations
 * ignore the pick, and only a worker death crashes them.
 *
 * <p>JSON: {@code attemptPick} and {@code cause} are written only when not their defaults and
 * may be missing on read, so plans and replay files from before them load and replay unchanged.
 */
public record TaskCrash(long atMillis, int node, int count,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int attemptPick,
        @JsonInclude(value = JsonInclude.Include.CUSTOM,
                valueFilter = TaskFaultCause.DefaultFilter.class) TaskFaultCause cause)
        implements FaultAction {
    public static final String KIND = "task-crash";
    private static final Set<String> FIELDS =
            Set.of("atMillis", "node", "count", "attemptPick", "cause");

    public TaskCrash {
        Shrink.requireTime(atMillis);
        Shrink.requireNode(node, false);
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        Shrink.requireNonNegative(attemptPick, "attemptPick");
        if (cause == null) {
            throw new IllegalArgumentException("cause must be set");
        }
    }

    /** Ray's worker killer: the first running attempts die, WORKER_DIED. */
    public TaskCrash(long atMillis, int node, int count) {
        this(atMillis, node, count, 0, TaskFaultCause.WORKER_DIED);
    }

    /**
     * Reads the JSON form strictly (unknown fields and non-integers are errors naming the field)
     * but lets the two later fields be missing (FaultPlanJson fails on missing creator fields).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TaskCrash fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("task-crash must be an object");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        });
        int attemptPick = json.has("attemptPick") ? (int) integer(json, "attemptPick", true) : 0;
        TaskFaultCause cause = json.has("cause") ? cause(json.get("cause"))
                : TaskFaultCause.WORKER_DIED;
        return new TaskCrash(integer(json, "atMillis", false), (int) integer(json, "node", true),
                (int) integer(json, "count", true), attemptPick, cause);
    }

    private static long integer(JsonNode json, String field, boolean isInt) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        if (!value.isIntegralNumber() || !(isInt ? value.canConvertToInt()
                : value.canConvertToLong())) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer"
                    + (isInt ? " (int)" : "") + ": " + value);
        }
        return value.longValue();
    }

    private static TaskFaultCause cause(JsonNode value) {
        for (TaskFaultCause cause : TaskFaultCause.values()) {
            if (value.isTextual() && cause.label().equals(value.textValue())) {
                return cause;
            }
        }
        throw new IllegalArgumentException("field 'cause' must be worker-died, "
                + "application-error or oom: " + value);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describeParams() {
        String base = "node=" + node + " count=" + count;
        if (attemptPick != 0) {
            base += " pick=" + attemptPick;
        }
        return cause == TaskFaultCause.WORKER_DIED ? base : base + " cause=" + cause.label();
    }

    /** Fewer crashes first, then the first attempt instead of a picked one; the cause stays. */
    @Override
    public List<FaultAction> simpler() {
        if (count == 1) {
            return attemptPick == 0 ? List.of() : List.of(withCount(1, 0));
        }
        if (count == 2) {
            return List.of(withCount(1, attemptPick));
        }
        return List.of(withCount(1, attemptPick), withCount(count / 2, attemptPick));
    }

    private TaskCrash withCount(int crashes, int pick) {
        return new TaskCrash(atMillis, node, crashes, pick, cause);
    }

    @Override
    public long complexity() {
        return count + (attemptPick == 0 ? 0 : 1);
    }
}
