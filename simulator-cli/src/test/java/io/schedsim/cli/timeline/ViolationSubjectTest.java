package io.schedsim.cli.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.prop.scenario.RunResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which nodes, allocations and tasks a violation names: its id fields first, else its words. */
class ViolationSubjectTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "drain marked alloc 3 of service-0(service) on node 4 (RUN/RUNNING) leaving 2 healthy"
            + "|4|3|",
        "node 0 (head) reserved 9000 CPU millicores of 8000|0||",
        "second replacement placed for alloc 12 of batch-1(batch)||12|",
        "task 17 (child) attempt 2 retried as attempt 3, beyond max_retries=1 + 0 preempted|||17",
        "drain of node 2 and node 11 did not complete|2 11||",
        "0 of 21600 tasks pending; nodes 3 down|||",
        "alloc 1234567890123 is too long to be an id|||"})
    void theMessageNamesItsNodesAllocsAndTasks(String message, String nodes, String allocs,
            String tasks) {
        ViolationSubject subject = ViolationSubject.of(new RunResult.Violation("INV-X", 1, 1,
                message));
        assertEquals(ids(nodes), subject.nodes(), message);
        assertEquals(ids(allocs), subject.allocs(), message);
        assertEquals(ids(tasks), subject.tasks(), message);
    }

    @Test
    void idFieldsWinOverTheMessage() {
        ViolationSubject subject = ViolationSubject.of(List.of(7), List.of(), List.of(),
                "drain marked alloc 3 on node 4");
        assertEquals(Set.of(7), subject.nodes());
        assertTrue(subject.allocs().isEmpty());
        assertEquals(Set.of(4), ViolationSubject.of(List.of(), List.of(), List.of(),
                "drain marked alloc 3 on node 4").nodes());
    }

    @Test
    void tasksMapToTheNodesTheyRanOn() {
        ViolationSubject subject = ViolationSubject.of(List.of(), List.of(), List.of(5, 6), "");
        Set<Integer> touched = subject.touchedNodes(null, task -> task == 5 ? Set.of(2, 3)
                : null);
        assertEquals(Set.of(2, 3), touched);
        assertEquals("node 2, node 3 (task 5, task 6)", subject.describe(touched));
    }

    private static Set<Integer> ids(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<Integer> ids = new java.util.TreeSet<>();
        for (String id : text.trim().split(" ")) {
            ids.add(Integer.parseInt(id));
        }
        return ids;
    }
}
