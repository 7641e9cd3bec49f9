package dev.nangojvm.replay;

import java.util.List;

/**
 * The verdict of one script: the worst of its tests' ({@code bill}'s sandbox tests replay the
 * same scripts a second time), or {@code skipped} when no generated test imports it.
 *
 * @param integration the integration folder's name (the provider config key)
 * @param script      the script name
 * @param type        sync or action
 * @param status      the verdict
 * @param detail      the first non-passing test's detail, prefixed by its file name when the script has several tests
 * @param cases       the tests that import the script
 */
public record ScriptResult(String integration, String script, ScriptKind type, Status status, String detail, List<CaseResult> cases) {
    public ScriptResult {
        cases = List.copyOf(cases);
    }

    static ScriptResult of(String integration, String script, ScriptKind type, List<CaseResult> cases) {
        if (cases.isEmpty()) return new ScriptResult(integration, script, type, Status.SKIPPED, "no generated test", cases);
        Status status = Status.PASS;
        for (CaseResult c : cases) status = status.worst(c.status());
        String detail = "";
        for (CaseResult c : cases) {
            if (c.status() == status && status != Status.PASS) {
                detail = (cases.size() > 1 ? c.replayCase().testName() + ": " : "") + c.detail();
                break;
            }
        }
        return new ScriptResult(integration, script, type, status, detail, cases);
    }
}
