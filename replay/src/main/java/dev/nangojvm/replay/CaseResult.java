package dev.nangojvm.replay;

import java.time.Duration;
import java.util.List;

/**
 * The verdict of one generated test file.
 *
 * @param replayCase the test
 * @param status     pass, fail or error
 * @param detail     one line: the first difference, the missing file, or the error and its {@code .ts} location; empty on a pass
 * @param difference the first difference when a comparison failed, else null
 * @param location   for an error, where in the {@code .ts} sources it happened ({@code file.ts:line:column}), else null
 * @param mockReads  the mock files the script's requests resolved to, in order (relative to {@code mocks/})
 * @param elapsed    wall time of the execution
 */
public record CaseResult(ReplayCase replayCase, Status status, String detail, Difference difference, String location,
                         List<String> mockReads, Duration elapsed) {
    public CaseResult {
        mockReads = mockReads == null ? List.of() : List.copyOf(mockReads);
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
