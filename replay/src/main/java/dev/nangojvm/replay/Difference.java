package dev.nangojvm.replay;

/**
 * The first place where what the script produced differs from the recorded expectation.
 *
 * @param path     where, as a JSON path from the compared value ({@code $[3].email})
 * @param expected the expected value, rendered compactly ({@code (absent)} when the key is missing)
 * @param actual   what the script produced, rendered the same way
 */
public record Difference(String path, String expected, String actual) {
    @Override
    public String toString() {
        return path + ": expected " + expected + ", got " + actual;
    }
}
