package io.schedsim.prop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.schedsim.core.random.SimRandom;
import io.schedsim.model.state.Alloc;
import io.schedsim.model.state.Job;
import io.schedsim.model.state.Node;
import io.schedsim.prop.arch.fixture.Top;
import io.schedsim.prop.arch.fixture.cycle.a.Left;
import io.schedsim.prop.arch.fixture.cycle.b.Right;
import io.schedsim.prop.arch.fixture.part.Part;
import io.schedsim.prop.arch.fixture.part.SeesTheTop;
import io.schedsim.prop.arch.fixture.part.WritesState;
import io.schedsim.prop.arch.fixture.state.Record;
import io.schedsim.prop.arch.fixture.state.Store;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Layering and the APIs banned in simulated code (STYLE §2.5, §2.8), checked on the production
 * classes of every module. The rules are built by factories so that the plain JUnit tests below
 * can run each one against deliberately bad classes and prove that it can fail.
 */
@AnalyzeClasses(packages = "io.schedsim", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String CORE = "io.schedsim.core..";
    private static final String MODEL = "io.schedsim.model..";
    private static final String FAULT = "io.schedsim.fault..";
    private static final String PROP = "io.schedsim.prop..";
    private static final String CLI = "io.schedsim.cli..";
    private static final String MONITOR = "io.schedsim.monitor..";
    private static final String[] SIMULATED = {CORE, MODEL, FAULT};
    private static final String MODEL_ROOT = "io.schedsim.model";
    private static final String MODEL_PARTS = "io.schedsim.model.*..";
    private static final String MODEL_STATE = "io.schedsim.model.state";
    private static final Class<?>[] MODEL_STATE_CLASSES = {Node.class, Alloc.class, Job.class};

    @ArchTest
    static final ArchRule virtualTimeOnly = virtualTimeOnly(SIMULATED);

    @ArchTest
    static final ArchRule seededRandomOnly = seededRandomOnly(SIMULATED);

    @ArchTest
    static final ArchRule singleThreaded = singleThreaded(SIMULATED);

    @ArchTest
    static final ArchRule noHashOrderedCollections = noHashOrderedCollections(SIMULATED);

    @ArchTest
    static final ArchRule coreKnowsNoLayerAbove = layer(CORE, MODEL, FAULT, PROP, CLI);

    @ArchTest
    static final ArchRule modelKnowsNoFaults = layer(MODEL, FAULT, PROP, CLI);

    /** The model publishes its history; it never sees the checker that judges it (STYLE §4). */
    @ArchTest
    static final ArchRule modelKnowsNoMonitor = layer(MODEL, MONITOR);

    @ArchTest
    static final ArchRule faultsKnowNoSearch = layer(FAULT, PROP, CLI);

    @ArchTest
    static final ArchRule searchKnowsNoCli = layer(PROP, CLI);

    @ArchTest
    static final ArchRule modelPartsSeeNoCluster = partsSeeNoRoot(MODEL_PARTS, MODEL_ROOT);

    @ArchTest
    static final ArchRule modelPartsFormNoCycle = freeOfCycles("io.schedsim.model.(*)..");

    @ArchTest
    static final ArchRule stateWrittenOnlyByTheStore =
            writtenOnlyInside(MODEL_STATE, MODEL_STATE_CLASSES);

    @ArchTest
    static final ArchRule stateHasNoPublicMutableField = noPublicMutableFields(MODEL_STATE_CLASSES);

    static ArchRule virtualTimeOnly(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("simulated code reads virtual time only, so a seed replays exactly");
    }

    static ArchRule seededRandomOnly(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .because("every draw comes from a named SimRandom stream of the run seed");
    }

    static ArchRule singleThreaded(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(ExecutorService.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class)
                .because("a simulation runs on one thread; only the property search may fan out");
    }

    static ArchRule noHashOrderedCollections(String... packages) {
        // LinkedHashMap, EnumMap and fastutil's id-keyed maps iterate in a stable order; these
        // iterate in hash order, which for enum or identity keys changes from one JVM to the next.
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().belongToAnyOf(HashMap.class, HashSet.class,
                        Hashtable.class, IdentityHashMap.class, WeakHashMap.class,
                        ConcurrentHashMap.class)
                .orShould().callMethod(System.class, "identityHashCode", Object.class)
                .because("iteration order must not depend on hash codes");
    }

    static ArchRule layer(String layer, String... above) {
        return noClasses().that().resideInAPackage(layer)
                .should().dependOnClassesThat().resideInAnyPackage(above)
                .because("layers depend downwards only: cli > prop > fault > model > core");
    }

    /**
     * The parts of a package (its subpackages) do not depend on the package's own classes: in the
     * model, components get a narrow context and never see the {@code Cluster} that wires them.
     */
    static ArchRule partsSeeNoRoot(String parts, String root) {
        return noClasses().that().resideInAPackage(parts)
                .should().dependOnClassesThat().resideInAPackage(root)
                .because("a plug-in never sees the simulator: components get a ModelContext");
    }

    static ArchRule freeOfCycles(String slicePattern) {
        return slices().matching(slicePattern).should().beFreeOfCycles()
                .because("the model's packages form layers; each can be read and replaced alone");
    }

    /** Only classes of {@code statePackage} set fields of the state classes. */
    static ArchRule writtenOnlyInside(String statePackage, Class<?>... stateClasses) {
        DescribedPredicate<JavaFieldAccess> ofState = DescribedPredicate.describe(
                "a field of " + Arrays.toString(stateClasses),
                access -> Arrays.stream(stateClasses)
                        .anyMatch(type -> access.getTargetOwner().isEquivalentTo(type)));
        return noClasses().that().resideOutsideOfPackage(statePackage)
                .should().setFieldWhere(ofState)
                .because("state changes only through the store's checked operations");
    }

    static ArchRule noPublicMutableFields(Class<?>... stateClasses) {
        return fields().that().areDeclaredInClassesThat().belongToAnyOf(stateClasses)
                .and().arePublic().should().beFinal()
                .because("a public mutable field is a write path around the store's checks");
    }

    @Test
    void everyBanCatchesItsViolation() {
        String here = "io.schedsim.prop.arch..";
        assertViolates(virtualTimeOnly(here), ReadsNanoTime.class);
        assertViolates(virtualTimeOnly(here), ReadsWallClock.class);
        assertViolates(seededRandomOnly(here), UsesJavaUtilRandom.class);
        assertViolates(seededRandomOnly(here), UsesThreadLocalRandom.class);
        assertViolates(seededRandomOnly(here), UsesMathRandom.class);
        assertViolates(singleThreaded(here), SleepsOnAThread.class);
        assertViolates(singleThreaded(here), SubmitsToAnExecutor.class);
        assertViolates(noHashOrderedCollections(here), IteratesAHashMap.class);
        assertViolates(noHashOrderedCollections(here), KeepsAHashSet.class);
        assertViolates(noHashOrderedCollections(here), HashesByIdentity.class);
    }

    @Test
    void bansLeaveAllowedCodeAlone() {
        String here = "io.schedsim.prop.arch..";
        JavaClasses allowed = new ClassFileImporter().importClasses(AllowedSimulatedCode.class);
        for (ArchRule rule : new ArchRule[] {virtualTimeOnly(here), seededRandomOnly(here),
                singleThreaded(here), noHashOrderedCollections(here)}) {
            EvaluationResult result = rule.evaluate(allowed);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    @Test
    void layerRuleCatchesAnUpwardDependency() {
        // The nested classes live in io.schedsim.prop.arch; one of them reaches down into core.
        assertViolates(layer("io.schedsim.prop.arch..", CORE), DependsOnCore.class);
        EvaluationResult downward = layer(CORE, "io.schedsim.prop.arch..")
                .evaluate(new ClassFileImporter().importClasses(SimRandom.class));
        assertFalse(downward.hasViolation(), downward.getFailureReport().toString());
    }

    @Test
    void modelRulesCatchTheirViolations() {
        String root = "io.schedsim.prop.arch.fixture";
        assertViolates(partsSeeNoRoot(root + ".*..", root), SeesTheTop.class);
        assertViolates(freeOfCycles(root + ".cycle.(*).."), Left.class, Right.class);
        assertViolates(writtenOnlyInside(root + ".state", Record.class), WritesState.class);
        assertViolates(noPublicMutableFields(Record.class), Record.class);
    }

    @Test
    void modelRulesLeaveAllowedCodeAlone() {
        String root = "io.schedsim.prop.arch.fixture";
        JavaClasses allowed = new ClassFileImporter().importClasses(Top.class, Part.class,
                Record.class, Store.class);
        for (ArchRule rule : new ArchRule[] {partsSeeNoRoot(root + ".*..", root),
                freeOfCycles(root + ".(*).."), writtenOnlyInside(root + ".state", Record.class)}) {
            EvaluationResult result = rule.evaluate(allowed);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    private static void assertViolates(ArchRule rule, Class<?>... bad) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(bad));
        assertTrue(result.hasViolation(), rule.getDescription() + " misses "
                + Arrays.toString(bad));
    }

    static final class ReadsNanoTime {
        long now() {
            return System.nanoTime();
        }
    }

    static final class ReadsWallClock {
        long now() {
            return System.currentTimeMillis();
        }
    }

    static final class UsesJavaUtilRandom {
        int draw() {
            return new Random(1).nextInt();
        }
    }

    static final class UsesThreadLocalRandom {
        int draw() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    static final class UsesMathRandom {
        double draw() {
            return Math.random();
        }
    }

    static final class SleepsOnAThread {
        void pause() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static final class SubmitsToAnExecutor {
        void fanOut() {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executor.shutdown();
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

    static final class KeepsAHashSet {
        private final HashSet<Object> seen = new HashSet<>();

        boolean first(Object value) {
            return seen.add(value);
        }
    }

    static final class HashesByIdentity {
        int bucket(Object value) {
            return System.identityHashCode(value) & 15;
        }
    }

    static final class DependsOnCore {
        long draw() {
            return SimRandom.of(1).nextLong();
        }
    }

    /** What simulated code does instead: a seeded stream and an insertion-ordered map. */
    static final class AllowedSimulatedCode {
        private final Map<String, Long> drawsByName = new LinkedHashMap<>();

        long draw(String name) {
            long value = SimRandom.stream(1, name).nextLong();
            drawsByName.put(name, value);
            return value;
        }
    }
}
