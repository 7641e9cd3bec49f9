package dev.nangojvm.bindings.pagination;

import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.proxy.Provider;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code nango.paginate(config)}: cursor, link and offset pagination with Nango's exact rules.
 *
 * <pre>{@code
 * Paginator pages = Paginators.create(config, provider, c -> proxyClient.proxy(c, call));
 * for (Page p = pages.next(); p != null; p = pages.next()) { ... }
 * }</pre>
 *
 * <p>Settings are {@code {...provider.proxy.paginate, ...config.paginate}}. Stop rules: cursor and
 * offset stop <em>without yielding</em> on a falsy or empty page, cursor when the next cursor is
 * missing or blank, offset after a page shorter than a set {@code limit}; link yields every page
 * (even empty or undefined) and stops when the next link is missing or repeats.
 *
 * <p>How the host drives it: yield {@link Page#items()} (Java null means {@code undefined}); then,
 * when the script asks for the next page and {@link Page#callOnPage()} is true, await the script's
 * {@code paginate.on_page({nextPageParam, response})} if it has one ({@link Page#nextPageParam()}
 * null means {@code undefined}); then call {@link Paginator#next()}, which returns null once
 * pagination has stopped. Before yielding, apply {@link Page#configPatch()} to the script's config.
 * Configuration errors are thrown by the first {@code next()}: code
 * {@code invalid_pagination_config} with Nango's messages, or {@code unknown_provider_template_in_config}.
 */
public final class Paginators {

    private Paginators() {
    }

    /**
     * A lazy paginator; no request is made before the first {@link Paginator#next()}.
     *
     * @param cfg      the script's config; copied, never mutated
     * @param provider the current integration's provider, or null when it is not in the catalog
     * @param proxy    sends one page request, e.g. {@code c -> proxyClient.proxy(c, call)}
     */
    public static Paginator create(ProxyConfiguration cfg, Provider provider, Function<ProxyConfiguration, ProxyResponse> proxy) {
        return new PageLoop(Objects.requireNonNull(cfg, "cfg"), provider, Objects.requireNonNull(proxy, "proxy"));
    }
}
