// How quickly does a sweep of chaos-swarm catch each bug-zoo variant, and how small does the
// shrinker make the failing fault plan?
//
// Each variant is one deliberate bug in the model (a drainer that writes eligibility back from a
// stale read, a plan applier that skips the placement gate, ...). For each, this notebook runs the
// property search over seeds 1..2000 on two threads until the first failing seed, shrinks it, and
// writes its replay file to a temporary folder, deleted at the end. The table says which invariant
// caught the bug, at which seed, after how long, and how many fault actions were left after
// shrinking; the lines under it say what that means.
//
// Run it with:  ./schedsim jshell notebooks/bug-zoo.jsh

import io.schedsim.prop.zoo.BugZoo;

var table = Table.of("variant", "invariant", "seed", "found after ms", "faults", "shrunk to");
var foundMillis = new ArrayList<Long>();
var shrunkTo = new ArrayList<Integer>();
var before = new ArrayList<Integer>();
var missed = new ArrayList<String>();
String slowest = null;
long slowestMillis = -1;
int replayFiles = 0;
try (var out = TempFolder.create("schedsim-bug-zoo-")) {
    for (var variant : BugZoo.all()) {
        // Each variant's own target scenario: chaos-swarm, or ray-chaos for the killer's.
        var settings = SearchSettings.of(variant.scenario(), variant.name())
                .seeds(1, 10_000).threads(2).outDir(out.path()).maxFailures(1);
        var report = new PropertySearch(settings).run(null);
        if (report.failures().isEmpty()) {
            missed.add(variant.name());
            table.row(variant.name(), "(not found)", "-", "-", "-", "-");
            continue;
        }
        var first = report.failures().get(0);
        foundMillis.add(report.firstFailureMillis());
        before.add(first.faultsBeforeShrink());
        shrunkTo.add(first.faultsAfterShrink());
        if (report.firstFailureMillis() > slowestMillis) {
            slowestMillis = report.firstFailureMillis();
            slowest = variant.name() + " (seed " + first.seed() + ")";
        }
        table.row(variant.name(), first.invariant(), first.seed(), report.firstFailureMillis(),
                first.faultsBeforeShrink(), first.faultsAfterShrink());
    }
    replayFiles = (int) out.fileCount();
}

int caught = foundMillis.size();
System.out.println("Bug zoo under chaos-swarm: " + caught + " of " + BugZoo.all().size()
        + " variants caught");
table.print();
System.out.println();
if (caught == 0) {
    System.out.println("No variant was caught in seeds 1..10000: the search or the swarm has lost "
            + "its reach, since each variant was found before.");
} else {
    Collections.sort(foundMillis);
    Collections.sort(shrunkTo);
    long median = foundMillis.get(caught / 2);
    System.out.println("Reading: half the variants were caught within " + median + " ms, the "
            + "slowest, " + slowest + ", after " + slowestMillis + " ms"
            + (slowestMillis <= 60_000 ? ", all inside the 60 s a sweep is given." : "."));
    long oneFault = shrunkTo.stream().filter(n -> n <= 1).count();
    System.out.println("Shrinking cut the plans from " + Collections.min(before) + ".."
            + Collections.max(before) + " fault actions to " + shrunkTo.get(0) + ".."
            + shrunkTo.get(caught - 1) + "; " + oneFault + " of " + caught + " failures need a "
            + "single fault, so their replay files show the bug with nothing else going on.");
}
if (!missed.isEmpty()) {
    System.out.println("Not caught in seeds 1..2000: " + String.join(", ", missed)
            + ". A sweep with more seeds or --seconds may still find them.");
}
System.out.println("The " + replayFiles + " replay files were written to a temporary folder, "
        + "now deleted; to keep one, run: schedsim sweep chaos-swarm --variant NAME --seeds S..S");
