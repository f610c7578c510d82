package io.schedsim.cli.determinism;

import io.schedsim.core.trace.DeterminismCheck;
import io.schedsim.core.trace.TraceHash;
import io.schedsim.prop.scenario.RunOptions;
import io.schedsim.prop.scenario.RunResult;
import io.schedsim.prop.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;

/** Runs a spec twice in this JVM with in-memory traces and compares them event by event. */
public final class InProcessCheck {
    private InProcessCheck() {}

    public static Comparison compare(RunSpec spec) {
        List<RunResult> results = new ArrayList<>(2);
        DeterminismCheck.Result check = DeterminismCheck.compare(sink -> {
            RunResult result = spec.run(RunOptions.NONE.withTrace(sink)).result();
            results.add(result);
            return parseHash(result.traceHash());
        });
        RunResult first = results.get(0);
        RunResult second = results.get(1);
        return new Comparison("two runs in one JVM", TraceHash.hex(check.hashFirst()),
                first.events(), TraceHash.hex(check.hashSecond()), second.events(),
                check.divergence());
    }

    /** The 16-hex-digit trace hash of a result as a number. */
    static long parseHash(String hex) {
        if (hex == null || hex.length() != 16) {
            throw new IllegalStateException("scenario returned a malformed traceHash: " + hex);
        }
        return Long.parseUnsignedLong(hex, 16);
    }
}
