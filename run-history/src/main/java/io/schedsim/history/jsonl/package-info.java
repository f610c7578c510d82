/**
 * The JSONL form of a history: {@link io.schedsim.history.jsonl.HistoryWriter} writes one flat
 * JSON object per event and line, {@link io.schedsim.history.jsonl.HistoryReader} reads it back
 * strictly and reports the first problem as a one-line
 * {@link io.schedsim.history.jsonl.HistoryFormatException} naming the line and the field.
 */
package io.schedsim.history.jsonl;
