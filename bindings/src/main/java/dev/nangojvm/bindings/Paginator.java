package dev.nangojvm.bindings;

/**
 * The lazy page source behind {@code for await (const page of nango.paginate(config))}.
 * One request per {@link #next()}; breaking out of the loop simply stops calling it.
 */
public interface Paginator {

    /** Fetches the next page, or returns {@code null} when pagination has stopped. */
    Page next();
}
