/** Versioned replay files: exact reproduction of a (shrunk) run. */
package io.schedsim.prop.replay;
