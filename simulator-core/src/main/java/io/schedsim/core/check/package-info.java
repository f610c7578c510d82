/** Always-on assertions that fail fast with a readable message; the loop adds where and when. */
package io.schedsim.core.check;
