package io.schedsim.monitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.schedsim.model.StandInModelClass;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The monitor shares no code with the model: its classes depend only on the history, the JDK and
 * fastutil (STYLE §4, "checkers read histories, not implementations"), and, since it runs inside
 * the simulation loop, on no wall clock, randomness, thread or hash-ordered collection (§2.5).
 * Each rule is also run against a deliberately bad class to prove it can fail.
 */
class MonitorArchitectureTest {
    private static final String MONITOR = "io.schedsim.monitor..";

    static ArchRule importsOnlyTheHistory(String packages) {
        return classes().that().resideInAPackage(packages)
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.schedsim.monitor..",
                        "io.schedsim.history..", "java..", "it.unimi.dsi.fastutil..")
                .because("the monitor reads histories, not implementations");
    }

    static ArchRule knowsNothingOfTheRun(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("io.schedsim.model..",
                        "io.schedsim.core..", "io.schedsim.fault..", "io.schedsim.prop..",
                        "io.schedsim.cli..")
                .because("a bug in the model's gate must not hide from a checker sharing its code");
    }

    static ArchRule deterministic(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(ExecutorService.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, HashMap.class,
                        HashSet.class, Hashtable.class, IdentityHashMap.class, WeakHashMap.class,
                        ConcurrentHashMap.class)
                .orShould().callMethod(System.class, "identityHashCode", Object.class)
                .because("the monitor runs beside every simulation and must replay exactly");
    }

    private static JavaClasses monitorClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.schedsim.monitor");
    }

    @Test
    void theMonitorHoldsToEveryRule() {
        JavaClasses classes = monitorClasses();
        assertTrue(classes.size() > 30, "imported " + classes.size() + " classes");
        for (ArchRule rule : new ArchRule[] {importsOnlyTheHistory(MONITOR),
                knowsNothingOfTheRun(MONITOR), deterministic(MONITOR)}) {
            EvaluationResult result = rule.evaluate(classes);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    @Test
    void everyRuleCatchesItsViolation() {
        assertViolates(importsOnlyTheHistory(MONITOR), AsksTheModel.class);
        assertViolates(knowsNothingOfTheRun(MONITOR), AsksTheModel.class);
        assertViolates(deterministic(MONITOR), ReadsTheWallClock.class);
        assertViolates(deterministic(MONITOR), DrawsRandomly.class);
        assertViolates(deterministic(MONITOR), IteratesAHashMap.class);
        assertViolates(deterministic(MONITOR), FansOut.class);
    }

    @Test
    void theRulesLeaveAllowedCodeAlone() {
        JavaClasses allowed = new ClassFileImporter().importClasses(KeepsPrimitiveColumns.class);
        for (ArchRule rule : new ArchRule[] {importsOnlyTheHistory(MONITOR),
                knowsNothingOfTheRun(MONITOR), deterministic(MONITOR)}) {
            EvaluationResult result = rule.evaluate(allowed);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    private static void assertViolates(ArchRule rule, Class<?> bad) {
        EvaluationResult result = rule.evaluate(
                new ClassFileImporter().importClasses(bad, StandInModelClass.class));
        assertTrue(result.hasViolation(), rule.getDescription() + " misses " + bad.getName());
    }

    /** Trusts the model's own gate instead of judging: exactly what the monitor must not do. */
    static final class AsksTheModel {
        boolean ready(int node) {
            return StandInModelClass.ready(node);
        }
    }

    static final class ReadsTheWallClock {
        long now() {
            return System.nanoTime();
        }
    }

    static final class DrawsRandomly {
        int draw() {
            return new Random(1).nextInt();
        }
    }

    static final class IteratesAHashMap {
        int sum() {
            Map<String, Integer> counts = new HashMap<>();
            int sum = 0;
            for (int value : counts.values()) {
                sum += value;
            }
            return sum;
        }
    }

    static final class FansOut {
        void run() {
            Executors.newSingleThreadExecutor().shutdown();
        }
    }

    /** What monitor code does instead: primitive columns keyed by dense indices. */
    static final class KeepsPrimitiveColumns {
        private final IntArrayList nodes = new IntArrayList();

        int add(int node) {
            nodes.add(node);
            return nodes.size();
        }
    }
}
