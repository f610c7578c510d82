package io.schedsim.prop.junit;

import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.search.Failure;
import io.schedsim.prop.search.SearchReport;
import io.schedsim.prop.spec.RunSpec;
import io.schedsim.prop.spec.UserCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The message of a failed property: each distinct failure, then the commands that replay it,
 * computed from the test that ran and the file written (a user's project, not schedsim's).
 */
final class FailureText {
    private FailureText() {}

    static String of(SearchReport report, Budget budget, TestSite site, List<String> blockers) {
        StringBuilder text = new StringBuilder();
        text.append(report.scenario())
                .append(report.variant() == null ? "" : " variant " + report.variant())
                .append(": ").append(report.failures().size()).append(" distinct failure(s) in ")
                .append(report.seedsRun()).append(" runs; budget ").append(budget).append('\n');
        for (Failure failure : report.failures()) {
            text.append("  ").append(failure.invariant()).append(" (seed ").append(failure.seed())
                    .append(", x").append(failure.count()).append("): ")
                    .append(failure.message()).append("\n    fault plan shrunk ")
                    .append(failure.faultsBeforeShrink()).append(" -> ")
                    .append(failure.faultsAfterShrink()).append(" actions\n");
            commands(text, Path.of(failure.replayFile()).toAbsolutePath(), site, blockers);
        }
        return text.toString();
    }

    /** The replay file and the two commands that replay it, indented under a failure. */
    static void commands(StringBuilder text, Path file, TestSite site, List<String> blockers) {
        text.append("    replay file: ").append(file).append('\n');
        if (site.testClass() != null) {
            text.append("    replay this property: ").append(site.mavenCommand(file))
                    .append("\n      (in ").append(site.root()).append(")\n");
        }
        text.append("    replay on the command line: ").append(site.launcherCommand(file))
                .append("\n      (in your schedsim checkout)\n");
        if (!blockers.isEmpty()) {
            text.append("      which cannot find ").append(String.join("; ", blockers))
                    .append(": register it with a SchedsimPlugin (META-INF/services)\n");
        }
    }

    /**
     * What of {@code spec} the command line could not resolve by name from the plugins on the
     * class path: a variant, scenario or check given directly (a lambda, say) and registered by
     * no plugin. The replay file records it by name only.
     */
    static List<String> unregistered(RunSpec spec, Registry registered) {
        List<String> missing = new ArrayList<>();
        if (registered.scenarios().stream().noneMatch(s -> s.name().equals(
                spec.scenario().name()))) {
            missing.add("scenario '" + spec.scenario().name() + "'");
        }
        if (!spec.variant().isCorrect() && registered.variants().stream()
                .noneMatch(v -> v.name().equals(spec.variant().name()))) {
            missing.add("variant '" + spec.variant().name() + "'");
        }
        for (UserCheck check : spec.checks()) {
            if (registered.checks().stream().noneMatch(c -> c.name().equals(check.name()))) {
                missing.add("check '" + check.name() + "'");
            }
        }
        return missing;
    }
}
