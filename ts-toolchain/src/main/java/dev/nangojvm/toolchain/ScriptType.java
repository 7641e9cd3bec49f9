package dev.nangojvm.toolchain;

/** The three kinds of Nango scripts. {@link #folder()} is the folder the nested layout keeps them in. */
public enum ScriptType {
    SYNC("sync", "syncs"),
    ACTION("action", "actions"),
    ON_EVENT("on-event", "on-events");

    private final String id;
    private final String folder;

    ScriptType(String id, String folder) {
        this.id = id;
        this.folder = folder;
    }

    /** {@code sync}, {@code action} or {@code on-event}. */
    public String id() {
        return id;
    }

    /** {@code syncs}, {@code actions} or {@code on-events}. */
    public String folder() {
        return folder;
    }
}
