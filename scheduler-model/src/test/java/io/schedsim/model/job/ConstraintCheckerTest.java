package io.schedsim.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.schedsim.model.node.NodeAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * N-35's feasibility, row by row against Nomad's own vectors
 * (nomad:scheduler/feasible/feasible_test.go): {@code TestConstraintChecker} (four mock nodes,
 * five constraints, only the third node meets them all), {@code TestResolveConstraintTarget}
 * and {@code TestCheckConstraint} for the operators the model knows.
 */
class ConstraintCheckerTest {
    /** nomad/mock/node.go's Node(), as far as constraints read it. */
    private static NodeAttributes mockNode() {
        return NodeAttributes.ofClass("linux-medium-pci")
                .with("node.datacenter", "dc1")
                .with("node.unique.name", "foobar")
                .with("node.pool", "default")
                .with("attr.kernel.name", "linux")
                .with("attr.arch", "x86")
                .with("meta.pci-dss", "true")
                .with("meta.database", "mysql");
    }

    @Test
    void testConstraintChecker() {
        NodeAttributes freebsd = mockNode().with("attr.kernel.name", "freebsd");
        NodeAttributes dc2 = mockNode().with("node.datacenter", "dc2");
        NodeAttributes large = mockNode().with(NodeAttributes.NODE_CLASS, "large")
                .with("attr.foo", "bar");
        NodeAttributes prod = mockNode().with("node.pool", "prod");
        List<Constraint> constraints = List.of(
                new Constraint("${node.datacenter}", "=", "dc1"),
                new Constraint("${attr.kernel.name}", "is", "linux"),
                new Constraint("${node.class}", "!=", "linux-medium-pci"),
                new Constraint("${node.pool}", "!=", "prod"),
                new Constraint("${attr.foo}", "is_set", ""));
        assertFalse(ConstraintChecker.meets(constraints, freebsd), "case 0");
        assertFalse(ConstraintChecker.meets(constraints, dc2), "case 1");
        assertTrue(ConstraintChecker.meets(constraints, large), "case 2");
        assertFalse(ConstraintChecker.meets(constraints, prod), "case 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "nil", value = {
        "${node.datacenter}, dc1",
        "${node.unique.name}, foobar",
        "${node.class}, linux-medium-pci",
        "${node.foo}, nil",
        "${attr.kernel.name}, linux",
        "${attr.rand}, nil",
        "${meta.pci-dss}, true",
        "${meta.rand}, nil",
        "literal, literal",
    })
    void testResolveConstraintTarget(String target, String expected) {
        assertEquals(expected, ConstraintChecker.resolve(target, mockNode()));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(nullValues = "nil", value = {
        "=, foo, foo, true",
        "is, foo, foo, true",
        "==, foo, foo, true",
        "==, foo, nil, false",
        "==, nil, foo, false",
        "==, nil, nil, false",
        "!=, foo, foo, false",
        "!=, foo, bar, true",
        "!=, nil, foo, true",
        "!=, foo, nil, true",
        "!=, nil, nil, false",
        "not, foo, bar, true",
        "is_set, foo, nil, true",
        "is_set, nil, nil, false",
        "is_not_set, nil, nil, true",
        "is_not_set, foo, nil, false",
        "distinct_hosts, nil, nil, true",
    })
    void testCheckConstraint(String operator, String left, String right, boolean expected) {
        assertEquals(expected, ConstraintChecker.check(operator, left, right));
    }

    /** A node without a class has the empty class, which {@code !=} a class always passes. */
    @Test
    void aNodeWithoutAttributesHasTheEmptyClass() {
        assertFalse(ConstraintChecker.meets(Constraint.classIs("gpu"), NodeAttributes.NONE));
        assertTrue(ConstraintChecker.meets(Constraint.classIsNot("gpu"), NodeAttributes.NONE));
        assertTrue(ConstraintChecker.meets(Constraint.classIs(""), NodeAttributes.NONE));
        assertTrue(ConstraintChecker.meets(List.of(), NodeAttributes.NONE));
    }

    /** feasible.go hasDistinctHostsConstraint: empty or unparsable is on, a false spelling off. */
    @Test
    void distinctHostsValue() {
        assertTrue(Constraint.distinctHosts().enforcesDistinctHosts());
        assertTrue(new Constraint("", "distinct_hosts", "").enforcesDistinctHosts());
        assertTrue(new Constraint("", "distinct_hosts", "yes please").enforcesDistinctHosts());
        assertFalse(new Constraint("", "distinct_hosts", "false").enforcesDistinctHosts());
        assertFalse(Constraint.classIs("gpu").enforcesDistinctHosts());
        assertThrows(IllegalArgumentException.class, () -> new Constraint("a", "regexp", "b"));
    }
}
