package io.schedsim.model.task;

/** One attempt of a task for reports and tests; {@code errorType} is null unless FAILED. */
public record TaskAttempt(int attempt, AttemptState state, ErrorType errorType) {
    @Override
    public String toString() {
        return attempt + ":" + state + (errorType == null ? "" : "(" + errorType + ")");
    }
}
