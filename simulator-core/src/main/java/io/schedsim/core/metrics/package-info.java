/** Named HdrHistograms and counters with percentile summaries. */
package io.schedsim.core.metrics;
