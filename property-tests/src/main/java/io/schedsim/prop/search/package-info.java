/**
 * The property search: seeds across the workers of a sweep engine (threads, or a cluster through
 * the staged search), shrinking, replay files, deduplicated failures.
 */
package io.schedsim.prop.search;
