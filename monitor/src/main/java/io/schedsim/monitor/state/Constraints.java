package io.schedsim.monitor.state;

import io.schedsim.history.JobConstraintConfigured;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node attributes and group constraints as the history states them (node-attribute-set,
 * job-constraint-configured), and the monitor's own reading of a constraint on a node (N-35),
 * written from Nomad's feasible.go, not taken from the model: a target without {@code ${} is a
 * literal; the node fields ({@code node.class}, {@code node.datacenter}, {@code node.pool},
 * {@code node.unique.id}, {@code node.unique.name}) are always found, empty when the history
 * never set them; {@code attr.*} and {@code meta.*} only when set, any other interpolation never.
 * {@code =}/{@code ==}/{@code is} need both sides found and equal, {@code !=}/{@code not} only
 * unequal values, {@code is_set} and {@code is_not_set} test presence; distinct_hosts is a
 * placement rule of its own. An operator the monitor does not know meets nothing (as
 * checkConstraint's default). Attributes are kept sorted by name, so a message lists them in one
 * order. Written only by {@link State}.
 */
public final class Constraints {
    private final ObjectArrayList<Map<String, String>> attributes = new ObjectArrayList<>();
    private final ObjectArrayList<List<JobConstraintConfigured>> byJob = new ObjectArrayList<>();
    private boolean[] distinctHosts = new boolean[16];

    void setAttribute(int nodeIndex, String name, String value) {
        while (attributes.size() <= nodeIndex) {
            attributes.add(null);
        }
        if (attributes.get(nodeIndex) == null) {
            attributes.set(nodeIndex, new TreeMap<>());
        }
        attributes.get(nodeIndex).put(name, value);
    }

    void addConstraint(int jobIndex, JobConstraintConfigured constraint) {
        while (byJob.size() <= jobIndex) {
            byJob.add(null);
        }
        if (byJob.get(jobIndex) == null) {
            byJob.set(jobIndex, new ObjectArrayList<>());
        }
        byJob.get(jobIndex).add(constraint);
        if (constraint.operator().equals("distinct_hosts") && !isFalse(constraint.rightTarget())) {
            if (jobIndex >= distinctHosts.length) {
                distinctHosts = Arrays.copyOf(distinctHosts,
                        Math.max(jobIndex + 1, distinctHosts.length * 2));
            }
            distinctHosts[jobIndex] = true;
        }
    }

    /** Go's strconv.ParseBool false spellings; anything else keeps distinct_hosts on. */
    private static boolean isFalse(String value) {
        return switch (value) {
            case "0", "f", "F", "false", "FALSE", "False" -> true;
            default -> false;
        };
    }

    /** True if the job's group has distinct_hosts in force. */
    public boolean distinctHosts(int j) {
        return j < distinctHosts.length && distinctHosts[j];
    }

    /** The first constraint of job {@code j} node {@code n} fails, or null if it meets all. */
    public JobConstraintConfigured firstFailed(int j, int n) {
        List<JobConstraintConfigured> list = j < byJob.size() ? byJob.get(j) : null;
        if (list == null) {
            return null;
        }
        for (JobConstraintConfigured constraint : list) {
            if (!meets(constraint, n)) {
                return constraint;
            }
        }
        return null;
    }

    /** True if node {@code n} meets every constraint of job {@code j}. */
    public boolean meetsAll(int j, int n) {
        return firstFailed(j, n) == null;
    }

    /** Node {@code n}'s attributes as set so far (empty if none); read-only use. */
    public Map<String, String> attributesOf(int n) {
        Map<String, String> map = n < attributes.size() ? attributes.get(n) : null;
        return map == null ? Map.of() : map;
    }

    private boolean meets(JobConstraintConfigured c, int n) {
        String left = value(c.leftTarget(), n);
        String right = value(c.rightTarget(), n);
        String l = left == null ? "" : left;
        String r = right == null ? "" : right;
        return switch (c.operator()) {
            case "distinct_hosts" -> true;
            case "=", "==", "is" -> left != null && right != null && l.equals(r);
            case "!=", "not" -> !l.equals(r);
            case "is_set" -> left != null;
            case "is_not_set" -> left == null;
            default -> false;
        };
    }

    /** The target's value on node {@code n}, or null when the node lacks it. */
    private String value(String target, int n) {
        if (!target.startsWith("${")) {
            return target;
        }
        String name = target.substring(2, target.endsWith("}") ? target.length() - 1
                : target.length());
        String set = attributesOf(n).get(name);
        switch (name) {
            case "node.class", "node.datacenter", "node.pool", "node.unique.id",
                    "node.unique.name" -> {
                return set == null ? "" : set;
            }
            default -> {
                return name.startsWith("attr.") || name.startsWith("meta.") ? set : null;
            }
        }
    }
}
