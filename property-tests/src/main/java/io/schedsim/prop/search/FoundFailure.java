package io.schedsim.prop.search;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * A failing seed as a block reports it to the driver: the fields of a {@link Failure} (whose
 * record is not serialisable) and, when the block kept it, the replay file's JSON text, which the
 * driver writes into the search's output directory (workers need no shared file system).
 *
 * @param replayFileName the replay file's name, without directory; null if none was written
 * @param replayJson the replay file's content; null when the block did not keep it
 */
record FoundFailure(long seed, String invariant, String replayFileName, int faultsBeforeShrink,
        int faultsAfterShrink, String signature, String message, String traceHash,
        String replayJson) implements Serializable {
    private static final long serialVersionUID = 1L;

    static FoundFailure of(Failure failure, String replayJson) {
        String name = failure.replayFile() == null ? null
                : Path.of(failure.replayFile()).getFileName().toString();
        return new FoundFailure(failure.seed(), failure.invariant(), name,
                failure.faultsBeforeShrink(), failure.faultsAfterShrink(), failure.signature(),
                failure.message(), failure.traceHash(), replayJson);
    }

    /** The failure with its replay file in {@code outDir} (written by the caller). */
    Failure filed(String outDir, long foundAtMillis) {
        return new Failure(seed, invariant, Path.of(outDir, replayFileName).toString(),
                faultsBeforeShrink, faultsAfterShrink, signature, 1, message, traceHash,
                foundAtMillis);
    }

    /**
     * The failure as the threads engine reports one it does not shrink: no replay file, no
     * signature, counted against an earlier failure of the same invariant.
     */
    Failure counted(long foundAtMillis) {
        return new Failure(seed, invariant, null, faultsBeforeShrink, faultsBeforeShrink, null, 1,
                message, traceHash, foundAtMillis);
    }
}
