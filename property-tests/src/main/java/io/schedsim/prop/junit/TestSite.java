package io.schedsim.prop.junit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where a property runs: the test method that called it (the first frame on the stack annotated
 * with a JUnit {@code @Test}-like annotation, all of which are {@link Testable}) and the Maven
 * project around it. A failure names commands from these, so that they work in the user's own
 * project rather than in schedsim's.
 *
 * @param testClass the test's class, or null when no test method is on the stack (a main
 *     method, a notebook)
 * @param method the test method's name, or null when it cannot be selected by {@code -Dtest}
 * @param root the directory Maven is to run in (the top of a multi-module build)
 * @param module the module's path under {@code root}, or null when {@code root} is the project
 */
record TestSite(Class<?> testClass, String method, Path root, String module) {

    /** The calling test and the project Surefire runs in ({@code basedir}, else the cwd). */
    static TestSite find() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        Optional<StackWalker.StackFrame> frame = StackWalker
                .getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(TestSite::isTestMethod).findFirst());
        return at(frame.map(StackWalker.StackFrame::getDeclaringClass).orElse(null),
                frame.map(StackWalker.StackFrame::getMethodName).orElse(null),
                Path.of(basedir).toAbsolutePath().normalize());
    }

    /**
     * The site of {@code method} of {@code testClass} in the project at {@code basedir}: a
     * module when the pom of the directory above lists it (repeated upwards).
     */
    static TestSite at(Class<?> testClass, String method, Path basedir) {
        Path root = basedir;
        while (root.getParent() != null && listsModule(root.getParent(), root.getFileName())) {
            root = root.getParent();
        }
        String module = root.equals(basedir) ? null
                : root.relativize(basedir).toString().replace('\\', '/');
        // Surefire selects a nested class's tests through its top-level class, not by method.
        boolean nested = testClass != null && testClass.getEnclosingClass() != null;
        return new TestSite(testClass, nested ? null : method, root, module);
    }

    /** The Maven command that replays {@code file} through this test alone. */
    String mavenCommand(Path file) {
        String test = "";
        if (testClass != null) {
            Class<?> top = testClass;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            test = " -Dtest=" + top.getSimpleName() + (method == null ? "" : "#" + method);
        }
        // With -am the modules it depends on build too; -Dtest matches none of their tests.
        String where = module == null ? "mvn test" : "mvn -pl " + word(module) + " -am test";
        String noMatch = module == null || test.isEmpty() ? ""
                : " -Dsurefire.failIfNoSpecifiedTests=false";
        return where + test + noMatch + " " + word("-D" + PropertyCheck.REPLAY + "=" + file);
    }

    /** The launcher's command, with the test's own classes (where they exist) to find plugins. */
    String launcherCommand(Path file) {
        Path project = module == null ? root : root.resolve(module);
        StringBuilder classPath = new StringBuilder();
        for (String dir : new String[] {"test-classes", "classes"}) {
            Path classes = project.resolve("target").resolve(dir);
            if (Files.isDirectory(classes)) {
                classPath.append(classPath.length() == 0 ? "" : ":").append(classes);
            }
        }
        return "./schedsim replay " + word(file.toString())
                + (classPath.length() == 0 ? "" : " --classpath " + word(classPath.toString()));
    }

    /** {@code text} as one shell word: as it is when that is safe, else in single quotes. */
    static String word(String text) {
        return text.matches("[A-Za-z0-9_./:=@%+,-]+") ? text
                : "'" + text.replace("'", "'\\''") + "'";
    }

    private static boolean isTestMethod(StackWalker.StackFrame frame) {
        Method method;
        try {
            method = frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName(),
                    frame.getMethodType().parameterArray());
        } catch (NoSuchMethodException | SecurityException | LinkageError e) {
            return false;
        }
        return AnnotationSupport.isAnnotated(method, Testable.class);
    }

    private static boolean listsModule(Path parent, Path name) {
        Path pom = parent.resolve("pom.xml");
        if (name == null || !Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Pattern.compile("<module>\\s*" + Pattern.quote(name.toString())
                    + "/?\\s*</module>").matcher(Files.readString(pom)).find();
        } catch (IOException e) {
            return false;
        }
    }
}
