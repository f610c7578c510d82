package io.schedsim.spark;

import io.schedsim.prop.scenario.InputException;
import java.util.regex.Pattern;

/** The {@code --master} URLs Spark accepts, checked before Spark starts, so a typo is exit 2. */
final class MasterUrl {
    static final String DEFAULT = "local[*]";
    private static final Pattern VALID = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\])?"
            + "|local-cluster\\[[1-9][0-9]*,[1-9][0-9]*,[1-9][0-9]*\\]"
            + "|spark://[^/\\s]+(:[0-9]+)?(,[^/\\s]+(:[0-9]+)?)*"
            + "|yarn|k8s://\\S+");

    private MasterUrl() {}

    static String check(String master) {
        if (!VALID.matcher(master).matches()) {
            throw new InputException("--master: not a Spark master URL: '" + master
                    + "' (expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL)");
        }
        return master;
    }

    /** Whether tasks run in this JVM (no jars need shipping). */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
