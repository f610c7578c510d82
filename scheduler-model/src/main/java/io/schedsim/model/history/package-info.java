/**
 * The model's side of the run history (docs/history.md): the {@link
 * io.schedsim.model.history.HistoryPort} every part of the model publishes its observable changes
 * through, and the mapping of the model's enums to the history's. Emission is observation only:
 * it schedules no event and draws no random number, so a run's trace is the same with or without
 * a sink; with none attached no event is even built.
 */
package io.schedsim.model.history;
