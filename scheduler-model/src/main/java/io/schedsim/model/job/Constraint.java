package io.schedsim.model.job;

import java.util.Objects;
import java.util.Set;

/**
 * One constraint of a job's group (N-35; Nomad's job specification {@code constraint} block,
 * nomad:nomad/structs/structs.go {@code Constraint}): {@code leftTarget operator rightTarget},
 * where a target is a literal or an interpolation of a node attribute ({@code ${node.class}},
 * {@code ${attr.<name>}}, ...). {@code distinct_hosts} has no targets: at most one non-terminal
 * allocation of the group per node. The model supports the operators whose meaning needs no
 * parser (equality, inequality, set or not set, distinct_hosts); the ordering, version, regexp
 * and set operators are left out.
 */
public record Constraint(String leftTarget, String operator, String rightTarget) {
    public static final String DISTINCT_HOSTS = "distinct_hosts";
    /** Every operator the model knows; feasible.go {@code checkConstraint} names them so. */
    public static final Set<String> OPERATORS = Set.of("=", "==", "is", "!=", "not", "is_set",
            "is_not_set", DISTINCT_HOSTS);
    /** The node class target (feasible.go {@code resolveTarget}). */
    public static final String NODE_CLASS = "${node.class}";

    public Constraint {
        Objects.requireNonNull(leftTarget, "leftTarget");
        Objects.requireNonNull(rightTarget, "rightTarget");
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("constraint operator not modelled: " + operator);
        }
    }

    /** {@code ${node.class} = nodeClass}. */
    public static Constraint classIs(String nodeClass) {
        return new Constraint(NODE_CLASS, "=", nodeClass);
    }

    /** {@code ${node.class} != nodeClass}. */
    public static Constraint classIsNot(String nodeClass) {
        return new Constraint(NODE_CLASS, "!=", nodeClass);
    }

    /** {@code distinct_hosts = true}: one allocation of the group per node at most. */
    public static Constraint distinctHosts() {
        return new Constraint("", DISTINCT_HOSTS, "true");
    }

    /**
     * distinct_hosts in force: feasible.go {@code hasDistinctHostsConstraint} reads an empty or
     * unparsable value as true, and only "false" (any case, or 0/f) turns it off.
     */
    public boolean enforcesDistinctHosts() {
        if (!operator.equals(DISTINCT_HOSTS)) {
            return false;
        }
        // strconv.ParseBool's false spellings.
        return !Set.of("0", "f", "F", "false", "FALSE", "False").contains(rightTarget);
    }

    @Override
    public String toString() {
        return operator.equals(DISTINCT_HOSTS) ? DISTINCT_HOSTS
                : leftTarget + " " + operator + " " + rightTarget;
    }
}
