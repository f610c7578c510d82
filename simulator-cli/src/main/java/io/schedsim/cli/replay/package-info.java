/**
 * Reading replay files ({@code "format": "schedsim-replay/1"}) strictly: a missing file, empty or
 * malformed JSON, an unknown format version and a missing or mistyped field are each input errors
 * that name the file and the field.
 */
package io.schedsim.cli.replay;
