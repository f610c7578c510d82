package io.schedsim.model.alloc;

/** What the server wants of an allocation; stop and evict are server-terminal (§2.2). */
public enum DesiredStatus {
    RUN,
    STOP,
    EVICT;

    public boolean isServerTerminal() {
        return this != RUN;
    }
}
