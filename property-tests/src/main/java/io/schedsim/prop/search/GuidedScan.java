package io.schedsim.prop.search;

import io.schedsim.prop.search.engine.BlockListener;
import io.schedsim.prop.search.engine.SeedBlock;
import io.schedsim.prop.search.engine.SweepEngine;
import io.schedsim.prop.search.guided.Corpus;
import io.schedsim.prop.search.guided.CorpusEntry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage one of guided search: the run range in rounds of {@value #ROUND} runs. Each round runs on
 * the engine like a random scan (blocks of {@link PropertySearch#BLOCK}, any order, any number at
 * once) against the corpus as the round began ({@link GuidedRound}); when all its blocks are back
 * the runs that reached new features join the corpus, in run order. Rounds are the only barrier,
 * so the corpus, every run and the report depend on the run range alone, never on threads or
 * engine. The scan's prefix, cut and deadline rules are {@link ScanPrefix}'s, across rounds.
 */
final class GuidedScan {
    /** Runs per round: early rounds learn quickly; a cluster engine runs one job per round. */
    static final int ROUND = 256;

    private final SearchSettings settings;
    private final ScanPrefix scan;
    private final Corpus corpus = new Corpus();
    private long rounds;
    private long corpusRuns;

    GuidedScan(SearchSettings settings, ScanPrefix scan) {
        this.settings = settings;
        this.scan = scan;
    }

    /** Scans round after round; false if the engine gave up or the scan asked to stop. */
    boolean run(SweepEngine.Session session, SpecTemplate template) {
        long next = settings.firstSeed();
        long last = settings.lastSeed();
        while (next <= last) {
            long end = Math.min(last, next + ROUND - 1);
            GuidedRound round = new GuidedRound(settings.orderings(), corpus.snapshot(), next);
            Round listener = new Round();
            boolean done = session.run(new ScanWork(template, round, settings.maxFailures() > 0),
                    SeedBlock.split(next, end, PropertySearch.BLOCK), listener);
            if (!done) {
                return false;
            }
            if (corpus.size() > 0) {
                corpusRuns += (end - next + 1) - ((end - next) / GuidedRound.FRESH_EVERY + 1);
            }
            listener.fold();
            rounds++;
            if (end == Long.MAX_VALUE || scan.stopRequested()) {
                return !scan.stopRequested();
            }
            next = end + 1;
        }
        return true;
    }

    SearchReport.Guided statistics() {
        return new SearchReport.Guided(rounds, corpus.size(), corpus.featuresCovered(),
                corpusRuns);
    }

    /** One round's listener: passes blocks to the scan and keeps what they reached. */
    private final class Round implements BlockListener<ScanPartial> {
        private final Map<Long, ScanPartial> partials = new TreeMap<>();

        @Override
        public void blockDone(SeedBlock block, ScanPartial partial) {
            partials.put(block.first(), partial);
            scan.blockDone(block, partial);
        }

        @Override
        public boolean stopRequested() {
            return scan.stopRequested();
        }

        /** Counts the round's feature hits, then offers new reaches to the corpus in run order. */
        void fold() {
            for (ScanPartial partial : partials.values()) {
                corpus.addHits(partial.hits().features(), partial.hits().runs());
            }
            for (ScanPartial partial : partials.values()) {
                for (Reached run : partial.reached()) {
                    corpus.offer(run.features(), run.metrics(), fresh -> new CorpusEntry(
                            run.seed(), run.ordering(), run.planJson(), run.nodeSlots(), fresh,
                            run.focus()));
                }
            }
        }
    }
}
