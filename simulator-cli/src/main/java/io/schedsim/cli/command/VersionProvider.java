package io.schedsim.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code schedsim --version}: the Maven version recorded in the jar, or "dev" outside one. */
final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.schedsim/schedsim-cli/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        String version = "dev";
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version", version);
            }
        }
        return new String[] {"schedsim " + version + " (Java " + Runtime.version() + ")"};
    }
}
