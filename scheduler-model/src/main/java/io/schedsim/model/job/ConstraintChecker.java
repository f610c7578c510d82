package io.schedsim.model.job;

import io.schedsim.model.node.NodeAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a node meets a group's constraints: Nomad's {@code ConstraintChecker}
 * (nomad:scheduler/feasible/feasible.go {@code meetsConstraint}, {@code resolveTarget},
 * {@code checkConstraint}), for the operators the model knows ({@link Constraint#OPERATORS}).
 * Used by the placement policy for service and batch groups, by the system scheduler to choose
 * the nodes it targets (N-35), and by the model's online check of every placement (INV-1).
 *
 * <p>As upstream: a target without {@code ${} is a literal; {@code ${node.class}} and the other
 * node fields are always found (empty when unset), {@code ${attr.*}} and {@code ${meta.*}} only
 * when the node has them; {@code =} needs both sides found and equal, {@code !=} only unequal
 * values (a missing attribute is the empty string, so it passes); distinct_hosts is judged by
 * {@link DistinctHosts}, not here.
 */
public final class ConstraintChecker {
    /** feasible.go resolveTarget's node fields: found even when empty. */
    private static final Set<String> NODE_FIELDS = Set.of("node.unique.id", "node.datacenter",
            "node.unique.name", "node.class", "node.pool");

    private ConstraintChecker() {}

    /** True if {@code node} meets every constraint of {@code constraints}. */
    public static boolean meets(List<Constraint> constraints, NodeAttributes node) {
        for (Constraint constraint : constraints) {
            if (!meets(constraint, node)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code node} meets {@code constraint}; distinct_hosts is always met here. */
    public static boolean meets(Constraint constraint, NodeAttributes node) {
        return check(constraint.operator(), resolve(constraint.leftTarget(), node),
                resolve(constraint.rightTarget(), node));
    }

    /**
     * feasible.go {@code checkConstraint} on resolved values, null meaning not found (Go's nil):
     * {@code =} needs both found and equal; {@code !=} compares the values only, a missing one as
     * the empty string (resolveTarget returns "" with ok=false), so two missing are equal.
     */
    public static boolean check(String operator, String left, String right) {
        boolean leftFound = left != null;
        boolean rightFound = right != null;
        String leftValue = leftFound ? left : "";
        String rightValue = rightFound ? right : "";
        return switch (operator) {
            case Constraint.DISTINCT_HOSTS -> true;
            case "=", "==", "is" -> leftFound && rightFound && leftValue.equals(rightValue);
            case "!=", "not" -> !leftValue.equals(rightValue);
            case "is_set" -> leftFound;
            case "is_not_set" -> !leftFound;
            default -> false;
        };
    }

    /** The target's value on {@code node}, or null when not found (resolveTarget's ok=false). */
    public static String resolve(String target, NodeAttributes node) {
        Objects.requireNonNull(target, "target");
        if (!target.startsWith("${")) {
            return target;
        }
        String name = target.endsWith("}") ? target.substring(2, target.length() - 1)
                : target.substring(2);
        if (NODE_FIELDS.contains(name)) {
            String value = node.get(name);
            return value == null ? "" : value;
        }
        if (name.startsWith("attr.") || name.startsWith("meta.")) {
            return node.get(name);
        }
        return null;
    }
}
