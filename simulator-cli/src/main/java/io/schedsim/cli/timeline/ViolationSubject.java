package io.schedsim.cli.timeline;

import io.schedsim.model.Cluster;
import io.schedsim.model.state.Alloc;
import io.schedsim.prop.scenario.RunResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a violation is about: the node slots, allocation ids and Ray task ids it names. Ids given
 * as fields win; only a violation without any is read from its message, whose wording the model
 * keeps stable ({@code Node}, {@code Alloc} and Ray attempts print as "node 4", "alloc 3 of ...",
 * "task 17 attempt 2"). {@link RunResult.Violation} has only a message today; the coming monitor
 * rework adds id fields, and {@link #of(RunResult.Violation)} is the one place to read them.
 */
record ViolationSubject(Set<Integer> nodes, Set<Integer> allocs, Set<Integer> tasks) {
    private static final Pattern NODE = Pattern.compile("\\bnode[ =](\\d{1,9})\\b");
    private static final Pattern ALLOC = Pattern.compile("\\balloc[ =](\\d{1,9})\\b");
    private static final Pattern TASK = Pattern.compile("\\btask[ =](\\d{1,9})\\b");

    ViolationSubject {
        nodes = Set.copyOf(nodes);
        allocs = Set.copyOf(allocs);
        tasks = Set.copyOf(tasks);
    }

    static ViolationSubject of(RunResult.Violation violation) {
        return of(Set.of(), Set.of(), Set.of(), violation.message());
    }

    /** The given ids; if all three are empty, those the message names. */
    static ViolationSubject of(Collection<Integer> nodes, Collection<Integer> allocs,
            Collection<Integer> tasks, String message) {
        if (!nodes.isEmpty() || !allocs.isEmpty() || !tasks.isEmpty()) {
            return new ViolationSubject(Set.copyOf(nodes), Set.copyOf(allocs),
                    Set.copyOf(tasks));
        }
        String text = message == null ? "" : message;
        return new ViolationSubject(ids(NODE, text), ids(ALLOC, text), ids(TASK, text));
    }

    boolean isEmpty() {
        return nodes.isEmpty() && allocs.isEmpty() && tasks.isEmpty();
    }

    /**
     * Every node the violation touches: those it names, the nodes of the allocations it names
     * (from the final allocation table), and the nodes the tasks it names ran on ({@code taskNodes}
     * answers those, or null when unknown). Ids the run does not have are ignored.
     */
    Set<Integer> touchedNodes(Cluster cluster, IntFunction<Set<Integer>> taskNodes) {
        Set<Integer> touched = new TreeSet<>(nodes);
        if (cluster != null) {
            for (int id : allocs) {
                if (id >= 0 && id < cluster.state().allocs().size()) {
                    Alloc alloc = cluster.state().allocs().get(id);
                    touched.add(alloc.node());
                }
            }
            touched.removeIf(node -> node < 0 || node >= cluster.nodeSlotCount());
        }
        if (taskNodes != null) {
            for (int task : tasks) {
                Set<Integer> ran = taskNodes.apply(task);
                if (ran != null) {
                    touched.addAll(ran);
                }
            }
        }
        return touched;
    }

    /** In words, e.g. "node 4 (alloc 3)": the touched nodes, then what the violation names. */
    String describe(Set<Integer> touched) {
        List<String> named = new ArrayList<>();
        allocs.stream().sorted().forEach(id -> named.add("alloc " + id));
        tasks.stream().sorted().forEach(id -> named.add("task " + id));
        StringBuilder text = new StringBuilder();
        touched.forEach(node -> text.append(text.length() == 0 ? "node " : ", node ")
                .append(node));
        if (text.length() == 0) {
            return named.isEmpty() ? "what the violation names" : String.join(", ", named);
        }
        return named.isEmpty() ? text.toString()
                : text + " (" + String.join(", ", named) + ")";
    }

    private static Set<Integer> ids(Pattern pattern, String text) {
        Set<Integer> ids = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            ids.add(Integer.parseInt(matcher.group(1)));
        }
        return ids;
    }
}
