/** Shrinking of failing runs: fault plans first, then config and ordering. */
package io.schedsim.prop.shrink;
