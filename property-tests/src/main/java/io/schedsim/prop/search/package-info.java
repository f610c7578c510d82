/** The property search: seeds across threads, shrinking, replay files, deduplicated failures. */
package io.schedsim.prop.search;
