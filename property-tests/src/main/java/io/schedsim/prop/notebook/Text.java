package io.schedsim.prop.notebook;

/** Multi-line text that jshell shows as it is (a plain String would be shown quoted, escaped). */
public record Text(String text) {
    @Override
    public String toString() {
        return text;
    }
}
