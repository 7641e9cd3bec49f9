package dev.nangojvm.bindings.pagination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.proxy.NodeUrl;
import java.util.Optional;

/** Where the next request of link pagination goes. */
final class Links {

    private Links() {
    }

    /**
     * An absolute link switches the base to its origin and the endpoint to its path and query (so a
     * link to another host is followed there, subject to the egress guard); anything else is used as
     * the endpoint as-is, joined to the provider base URL.
     */
    static void rewrite(ObjectNode request, String link) {
        Optional<NodeUrl> url = NodeUrl.parse(link);
        if (url.isPresent()) {
            request.put("baseUrlOverride", url.get().origin());
            request.put("endpoint", url.get().pathname() + url.get().search());
        } else {
            request.put("endpoint", link);
        }
    }
}
