/** The node drainer: migrate pacing, deadlines, system-last and completion (N-1..N-20). */
package io.schedsim.model.drain;
