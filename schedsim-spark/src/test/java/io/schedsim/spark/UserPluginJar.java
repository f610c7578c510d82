package io.schedsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The CLI tests' user plugin (simulator-cli/src/test/fixtures/user-plugin) compiled and packed
 * into a jar with its META-INF/services entry, as a user would ship it to a cluster.
 */
final class UserPluginJar {
    static final Path SOURCES = Path.of("..", "simulator-cli", "src", "test", "fixtures",
            "user-plugin");

    private UserPluginJar() {}

    static Path build(Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("plugin-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> arguments.add(file.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                arguments.toArray(String[]::new)));
        Path jar = dir.resolve("user-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()
                        .replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/"
                    + "io.schedsim.prop.plugin.SchedsimPlugin"));
            write(out, "com.example.fixture.FixturePlugin\n");
            out.closeEntry();
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
