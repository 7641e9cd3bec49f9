package dev.nangojvm.replay;

/** What a test replays: a sync ({@code syncs/<name>.ts}, two runs) or an action ({@code actions/<name>.ts}, one run). */
public enum ScriptKind {
    SYNC("sync", "syncs"),
    ACTION("action", "actions");

    private final String label;
    private final String folder;

    ScriptKind(String label, String folder) {
        this.label = label;
        this.folder = folder;
    }

    /** {@code sync} or {@code action}. */
    public String label() {
        return label;
    }

    /** {@code syncs} or {@code actions}. */
    public String folder() {
        return folder;
    }

    public static ScriptKind ofFolder(String folder) {
        for (ScriptKind k : values()) if (k.folder.equals(folder)) return k;
        throw new IllegalArgumentException("not a script folder: " + folder);
    }
}
