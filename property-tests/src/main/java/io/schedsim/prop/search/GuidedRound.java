package io.schedsim.prop.search;

import io.schedsim.core.random.SimRandom;
import io.schedsim.fault.plan.FaultPlan;
import io.schedsim.prop.scenario.OrderingSpec;
import io.schedsim.prop.search.guided.CorpusEntry;
import io.schedsim.prop.search.guided.Coverage;
import io.schedsim.prop.search.guided.Corpus;
import io.schedsim.prop.search.guided.PlanEdits;
import io.schedsim.prop.spec.RunSpec;
import java.util.List;

/**
 * One round of guided search: its runs, numbered from {@code first}, drawn against the corpus as
 * the round began. Every {@value #FRESH_EVERY}-th run (and every run while the corpus is empty)
 * is random search's run of that number; the others are mutants: a corpus entry (one holding a
 * near-miss best three times in four, else by the rarity of its features or alike), edited one to
 * three times: plan edits ({@link PlanEdits}; for a parent holding a best, most of them
 * {@linkplain PlanEdits#focus aimed} at the node and instant where its run reached that best)
 * and a new seed where the scenario {@linkplain
 * io.schedsim.prop.scenario.Scenario#admits admits} edited plans, a new ordering under mixed
 * orderings. Each run's choices come from its own stream ({@code guided} of its number), so a
 * run is the same on every engine. A mutant the scenario does not admit, or equal to its
 * parent, is drawn again, at most {@value #ATTEMPTS} times, then the run is random's.
 */
final class GuidedRound implements RunSource {
    private static final long serialVersionUID = 1L;
    static final int FRESH_EVERY = 4;
    static final int ATTEMPTS = 4;

    private final String orderings;
    private final Corpus.Snapshot corpus;
    private final long first;

    GuidedRound(String orderings, Corpus.Snapshot corpus, long first) {
        this.orderings = orderings;
        this.corpus = corpus;
        this.first = first;
    }

    Corpus.Snapshot corpus() {
        return corpus;
    }

    @Override
    public boolean measures() {
        return true;
    }

    @Override
    public RunSpec spec(SpecTemplate template, long run) {
        List<CorpusEntry> entries = corpus.entries();
        if (entries.isEmpty() || (run - first) % FRESH_EVERY == 0) {
            return template.forSeed(run, orderings);
        }
        SimRandom r = SimRandom.stream(run, "guided");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CorpusEntry parent = pick(entries, r);
            long focus = corpus.focusOf(parent, r.nextInt(Integer.MAX_VALUE));
            RunSpec mutant = mutant(template.spec(), parent, focus, entries, r, run);
            if (mutant != null) {
                return mutant;
            }
        }
        return template.forSeed(run, orderings);
    }

    /**
     * Three times in four an entry holding a near-miss best (the waypoints, whose edits aim at
     * it), one in eight by the rarity of the features it brought ({@link Corpus#snapshot()}),
     * one in eight any entry alike. Measured at 21 starts on the four variants that need more
     * than a round: 3,401 runs in all at three in four, 4,093 at one half, 3,963 at seven in eight.
     */
    private CorpusEntry pick(List<CorpusEntry> entries, SimRandom r) {
        double choice = r.nextDouble();
        CorpusEntry favored = corpus.favored(r.nextInt(Integer.MAX_VALUE));
        if (choice < 0.75 && favored != null) {
            return favored;
        }
        if (choice < 0.875) {
            return corpus.weighted(r.nextLong(corpus.totalWeight()));
        }
        return entries.get(r.nextInt(entries.size()));
    }

    private RunSpec mutant(RunSpec base, CorpusEntry parent, long focus,
            List<CorpusEntry> entries, SimRandom r, long run) {
        boolean edits = base.scenario().admits(parent.plan(), base.config());
        boolean mixed = orderings.equals(SeedOrderings.MIXED);
        if (!edits && !mixed) {
            return null;
        }
        long seed = parent.seed();
        OrderingSpec ordering = parent.ordering();
        FaultPlan plan = parent.plan();
        int ops = 1 + (r.chance(0.5) ? 1 + (r.chance(0.5) ? 1 : 0) : 0);
        for (int op = 0; op < ops; op++) {
            int choice = edits ? r.nextInt(8) : 0;
            if (choice == 0) {
                if (mixed) {
                    ordering = SeedOrderings.of(SimRandom.mix64(run * 31 + op), orderings);
                }
            } else if (choice == 1) {
                seed = run;
            } else {
                FaultPlan donor = entries.get(r.nextInt(entries.size())).plan();
                FaultPlan edited = focus >= 0 && r.chance(0.75)
                        ? PlanEdits.focus(plan, donor, Coverage.focusNode(focus),
                                Coverage.focusAtMillis(focus), parent.nodeSlots(), r)
                        : PlanEdits.edit(plan, donor, parent.nodeSlots(), r);
                if (edited != null) {
                    plan = edited;
                }
            }
        }
        if (seed == parent.seed() && ordering.equals(parent.ordering())
                && plan.equals(parent.plan())) {
            return null;
        }
        if (plan != parent.plan() && !base.scenario().admits(plan, base.config())) {
            return null;
        }
        return base.withSeed(seed).withOrdering(ordering).withPlan(plan);
    }
}
