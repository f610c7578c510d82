package io.schedsim.prop.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One distinct failure of a search (CLI.md sweep JSON): the first seed that showed it, the
 * invariant, the replay file, plan sizes before and after shrinking, the signature (invariant and
 * shape of the shrunk plan) and how many seeds shared that signature.
 */
@JsonPropertyOrder({"seed", "invariant", "replayFile", "faultsBeforeShrink", "faultsAfterShrink",
    "signature", "count", "message", "traceHash", "foundAtMillis"})
public record Failure(long seed, String invariant, String replayFile, int faultsBeforeShrink,
        int faultsAfterShrink, String signature, int count, String message, String traceHash,
        long foundAtMillis) {

    public Failure counted(int more) {
        return new Failure(seed, invariant, replayFile, faultsBeforeShrink, faultsAfterShrink,
                signature, count + more, message, traceHash, foundAtMillis);
    }
}
