/** Seeded, named, split random streams with a fixed algorithm (SplitMix64 seeding xoshiro256**). */
package io.schedsim.core.random;
