package io.schedsim.prop.scenario;

/**
 * The phases of a run: faults fire until {@code healAtMillis}, then the heal phase lifts what is
 * left and the run settles until quiescent (or, for task workloads, until every task is terminal
 * plus {@code afterDoneMillis}), never beyond {@code horizonMillis}.
 */
public record Timing(long healAtMillis, long horizonMillis, long afterDoneMillis) {}
