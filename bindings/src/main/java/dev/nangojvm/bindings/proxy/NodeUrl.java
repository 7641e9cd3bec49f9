package dev.nangojvm.bindings.proxy;

import java.util.Optional;

/**
 * The read-only slice of Node's WHATWG {@code URL} that pagination needs to follow absolute next
 * links exactly like Nango ({@code origin}, {@code pathname}, {@code search}). Immutable.
 */
public final class NodeUrl {

    private final WhatwgUrl url;

    private NodeUrl(WhatwgUrl url) {
        this.url = url;
    }

    /** {@code new URL(input)} when it would not throw ({@code URL.canParse}). */
    public static Optional<NodeUrl> parse(String input) {
        return Optional.ofNullable(WhatwgUrl.tryParse(input)).map(NodeUrl::new);
    }

    /** {@code url.origin}: scheme, host and non-default port; {@code "null"} for non-http(s)-like schemes. */
    public String origin() {
        return url.origin();
    }

    /** {@code url.pathname}, percent-encoded and dot-segment normalised. */
    public String pathname() {
        return url.path;
    }

    /** {@code url.search}: empty or starting with {@code ?}. */
    public String search() {
        return url.search();
    }

    /** {@code url.href}. */
    @Override
    public String toString() {
        return url.toString();
    }
}
