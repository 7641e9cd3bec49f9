package dev.nangojvm.toolchain.internal;

import java.util.List;
import java.util.Map;

/**
 * A loaded YAML document as plain Java values (maps keep insertion order) plus the 1-based position of every
 * map entry and list item, keyed by its path of keys/indices from the root.
 */
public record YamlTree(Object root, Map<List<String>, int[]> positions) {

    /** Line and column (1-based) of the node at {@code path}, or of its closest ancestor; {0,0} if none. */
    public int[] positionOf(List<String> path) {
        for (int n = path.size(); n >= 0; n--) {
            int[] pos = positions.get(path.subList(0, n));
            if (pos != null) {
                return pos;
            }
        }
        return new int[] {0, 0};
    }
}
