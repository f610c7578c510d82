// How quickly does a sweep of chaos-swarm catch each bug-zoo variant, and how small does the
// shrinker make the failing fault plan?
//
// Each variant is one deliberate bug in the model (a drainer that writes eligibility back from a
// stale read, a plan applier that skips the placement gate, ...). For each, this notebook runs the
// property search over seeds 1..2000 on two threads until the first failing seed, shrinks it, and
// writes its replay file to a temp directory. The table says which invariant caught the bug, at
// which seed, after how long, and how many fault actions were left after shrinking.
//
// Run it with:  ./schedsim jshell notebooks/bug-zoo.jsh

import io.schedsim.prop.zoo.BugZoo;

var out = java.nio.file.Files.createTempDirectory("schedsim-bug-zoo-");
var table = Table.of("variant", "invariant", "seed", "found after ms", "faults", "shrunk to");
int found = 0;
for (var variant : BugZoo.all()) {
    var settings = SearchSettings.of("chaos-swarm", variant.name())
            .seeds(1, 2_000).threads(2).outDir(out).stopAfterFailures(1);
    var report = new PropertySearch(settings).run(null);
    if (report.failures().isEmpty()) {
        table.row(variant.name(), "(not found)", "-", "-", "-", "-");
        continue;
    }
    found++;
    var first = report.failures().get(0);
    table.row(variant.name(), first.invariant(), first.seed(), report.firstFailureMillis(),
            first.faultsBeforeShrink(), first.faultsAfterShrink());
}
System.out.println("Bug zoo under chaos-swarm: " + found + " of " + BugZoo.all().size()
        + " variants caught");
table.print();
System.out.println("Replay files: " + out + " (schedsim replay FILE --timeline t.html)");
