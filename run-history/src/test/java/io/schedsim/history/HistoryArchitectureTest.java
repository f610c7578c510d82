package io.schedsim.history;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The history is a vocabulary any checker can read: its classes depend on the JDK and Jackson
 * only, never on another part of schedsim (model, core, faults, search, monitor).
 */
class HistoryArchitectureTest {
    static ArchRule dependsOnNothingOfSchedsim(String packages) {
        return classes().that().resideInAPackage(packages)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.schedsim.history..", "java..", "com.fasterxml.jackson..")
                .because("a history is read by checkers that must share no code with the model");
    }

    @Test
    void historyDependsOnNothingOfSchedsim() {
        EvaluationResult result = dependsOnNothingOfSchedsim("io.schedsim.history..")
                .evaluate(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.schedsim.history"));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void theRuleCatchesADependencyOnSchedsim() {
        EvaluationResult result = dependsOnNothingOfSchedsim("io.schedsim.history..")
                .evaluate(new ClassFileImporter().importClasses(ReachesOutOfHistory.class,
                        io.schedsim.other.Elsewhere.class));
        assertTrue(result.hasViolation());
    }

    /** A class of this package that uses a schedsim class outside it: the rule must fail. */
    static final class ReachesOutOfHistory {
        int use() {
            return io.schedsim.other.Elsewhere.value().length();
        }
    }
}
