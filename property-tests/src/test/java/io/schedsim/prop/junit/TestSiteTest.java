package io.schedsim.prop.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure's commands come from the test that ran and the project around it: a single project
 * gets {@code mvn test}, a module of a multi-module build {@code mvn -pl MODULE -am test} from
 * the top; the launcher gets the project's own classes.
 */
class TestSiteTest {
    @TempDir
    Path dir;

    @Test
    void findsTheTestMethodOnTheStack(TestInfo info) {
        TestSite direct = TestSite.find();
        TestSite viaHelper = helper();
        Supplier<TestSite> lambda = TestSite::find;
        String method = info.getTestMethod().orElseThrow().getName();
        for (TestSite site : new TestSite[] {direct, viaHelper, lambda.get()}) {
            assertEquals(TestSiteTest.class, site.testClass());
            assertEquals(method, site.method());
        }
    }

    private static TestSite helper() {
        return TestSite.find();
    }

    @Test
    void outsideATestThereIsNoTestToSelect() throws InterruptedException {
        AtomicReference<TestSite> site = new AtomicReference<>();
        Thread thread = new Thread(() -> site.set(TestSite.find()));
        thread.start();
        thread.join();
        assertNull(site.get().testClass());
        assertNull(site.get().method());
    }

    @Test
    void aSingleProjectRunsMavenInItself() throws IOException {
        Path project = Files.createDirectories(dir.resolve("user-project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("target/test-classes"));
        Path file = project.resolve("target/schedsim-failures/x.json");
        TestSite site = TestSite.at(TestSiteTest.class, "finds", project);
        assertEquals(project, site.root());
        assertNull(site.module());
        assertEquals("mvn test -Dtest=TestSiteTest#finds -Dschedsim.replay=" + file,
                site.mavenCommand(file));
        assertEquals("./schedsim replay " + file + " --classpath "
                + project.resolve("target/test-classes"), site.launcherCommand(file));
    }

    @Test
    void aModuleRunsMavenFromTheTopWithItsDependencies() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project><modules>\n  <module>core</module>\n"
                + "  <module>tests</module>\n</modules></project>");
        Path module = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.createDirectories(module.resolve("target/test-classes"));
        Files.createDirectories(module.resolve("target/classes"));
        Path file = module.resolve("target/schedsim-failures/x.json");
        TestSite site = TestSite.at(TestSiteTest.class, "finds", module);
        assertEquals(dir, site.root());
        assertEquals("tests", site.module());
        assertEquals("mvn -pl tests -am test -Dtest=TestSiteTest#finds "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dschedsim.replay=" + file,
                site.mavenCommand(file));
        assertEquals("./schedsim replay " + file + " --classpath "
                + module.resolve("target/test-classes") + ":" + module.resolve("target/classes"),
                site.launcherCommand(file));
    }

    @Test
    void aDirectoryBelowAPomThatDoesNotListItIsItsOwnProject() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project><modules><module>core</module>"
                + "</modules></project>");
        Path project = Files.createDirectories(dir.resolve("examples"));
        TestSite site = TestSite.at(TestSiteTest.class, "finds", project);
        assertEquals(project, site.root());
        assertNull(site.module());
    }

    @Test
    void aPathAShellWouldSplitIsQuoted() throws IOException {
        Path project = Files.createDirectories(dir.resolve("my project"));
        Files.createDirectories(project.resolve("target/test-classes"));
        Path file = project.resolve("target/schedsim-failures/it's.json");
        TestSite site = TestSite.at(TestSiteTest.class, "finds", project);
        String quoted = "'" + file.toString().replace("'", "'\\''") + "'";
        assertEquals("mvn test -Dtest=TestSiteTest#finds '-Dschedsim.replay=" + quoted.substring(1),
                site.mavenCommand(file));
        assertEquals("./schedsim replay " + quoted + " --classpath '"
                + project.resolve("target/test-classes") + "'", site.launcherCommand(file));
        assertEquals("plain/path-1.json", TestSite.word("plain/path-1.json"));
    }

    @Nested
    class Inner {
        @Test
        void aNestedTestIsSelectedThroughItsTopLevelClass() {
            Path file = dir.resolve("x.json");
            TestSite site = TestSite.at(Inner.class, "aNestedTest", dir);
            assertEquals("mvn test -Dtest=TestSiteTest -Dschedsim.replay=" + file,
                    site.mavenCommand(file));
        }
    }
}
