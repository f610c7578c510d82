package io.schedsim.prop.search;

import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.plugin.Registry;
import io.schedsim.prop.replay.ReplayFile;
import io.schedsim.prop.replay.ReplayFiles;
import io.schedsim.prop.scenario.ScenarioConfig;
import io.schedsim.prop.spec.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage four of a search, in the driver: turns the chosen failures (shrunk, or as the scan found
 * them when shrinking was off or stopped) into distinct failures by signature (invariant and the
 * fault kinds of the filed plan), writes one replay file per distinct failure, and counts every
 * other failing seed against the first failure of its signature or, unfiled, of its invariant.
 * The report lists exactly the files written.
 */
final class Filing {
    private final Registry registry;
    private final SpecTemplate template;
    private final Path outDir;
    private final RunSource runs;

    /** One distinct failure: its report row and the file it is filed in. */
    private record Filed(Failure row, ReplayFile file) {}

    Filing(Registry registry, SpecTemplate template, Path outDir, RunSource runs) {
        this.registry = registry;
        this.template = template;
        this.outDir = outDir;
        this.runs = runs;
    }

    /** Files the scan's failures; returns the report's failures, in seed order. */
    List<Failure> file(ScanPrefix scan, Map<Long, ShrunkFailure> shrunk) {
        Map<String, Filed> bySignature = new LinkedHashMap<>();
        Map<String, String> signatureOfInvariant = new LinkedHashMap<>();
        for (ScanFailure found : scan.chosen()) {
            Filed filed = filed(found, shrunk.get(found.seed()), scan.foundAtMillis(found.seed()));
            String signature = filed.row().signature();
            Filed first = bySignature.get(signature);
            bySignature.put(signature, first == null ? filed
                    : new Filed(first.row().counted(1), first.file()));
            signatureOfInvariant.putIfAbsent(filed.row().invariant(), signature);
        }
        List<ScanFailure> chosen = scan.chosen();
        for (ScanFailure failure : scan.failures()) {
            if (!chosen.contains(failure)) {
                String signature = signatureOfInvariant.get(failure.invariant());
                Filed first = bySignature.get(signature);
                bySignature.put(signature, new Filed(first.row().counted(1), first.file()));
            }
        }
        List<Failure> rows = new ArrayList<>();
        for (Filed filed : bySignature.values()) {
            write(filed);
            rows.add(filed.row());
        }
        return rows;
    }

    private Filed filed(ScanFailure found, ShrunkFailure shrunk, long foundAtMillis) {
        RunSpec seed = runs.spec(template, found.seed());
        if (shrunk != null) {
            FaultPlan plan = FaultPlan.fromJson(shrunk.planJson());
            RunSpec spec = seed.withConfig(ScenarioConfig.of(seed.scenario(), shrunk.config()))
                    .withOrdering(shrunk.ordering()).withPlan(plan);
            ReplayFile file = ReplayFile.of(spec, new ReplayFile.Expected(shrunk.traceHash(),
                    shrunk.events(), shrunk.invariant(), shrunk.message()),
                    new ReplayFile.ShrinkStats(shrunk.faultsBefore(), shrunk.faultsAfter(),
                            shrunk.runs()));
            return new Filed(new Failure(found.seed(), shrunk.invariant(), path(spec, found),
                    shrunk.faultsBefore(), shrunk.faultsAfter(), signature(found, plan), 1,
                    shrunk.message(), shrunk.traceHash(), foundAtMillis), file);
        }
        if (found.planJson() == null) {
            throw new IllegalStateException("seed " + found.seed() + ": its block kept no plan");
        }
        FaultPlan plan = FaultPlan.fromJson(found.planJson());
        RunSpec spec = seed.withPlan(plan);
        ReplayFile file = ReplayFile.of(spec, new ReplayFile.Expected(found.traceHash(),
                found.events(), found.invariant(), found.message()),
                new ReplayFile.ShrinkStats(found.planSize(), found.planSize(), 0));
        return new Filed(new Failure(found.seed(), found.invariant(), path(spec, found),
                found.planSize(), found.planSize(), signature(found, plan), 1, found.message(),
                found.traceHash(), foundAtMillis), file);
    }

    /** Where a failure's replay file goes: scenario, variant, seed and invariant in its name. */
    private String path(RunSpec spec, ScanFailure found) {
        String variant = spec.variant().isCorrect() ? "correct" : spec.variant().name();
        String name = spec.scenario().name() + "-" + variant + "-seed" + found.seed() + "-"
                + found.invariant() + ".json";
        return outDir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")).toString();
    }

    private static String signature(ScanFailure found, FaultPlan plan) {
        return found.invariant() + "|" + String.join(",", plan.countByKind().keySet());
    }

    private void write(Filed filed) {
        Path target = Path.of(filed.row().replayFile());
        try {
            ReplayFiles.write(filed.file(), registry, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay file " + target, e);
        }
    }
}
