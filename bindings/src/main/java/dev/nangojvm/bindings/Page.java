package dev.nangojvm.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of {@code nango.paginate}, plus what Nango's paginator did to the caller's config.
 *
 * <p>Nango mutates the script's own config object while paging (method defaulted, the
 * {@code params} or {@code data} object gaining limit / cursor / offset keys, link pagination
 * rewriting {@code endpoint} and {@code baseUrlOverride} and deleting {@code params}). Scripts can
 * observe that, so the host replays {@link #configPatch()} onto the script's object before yielding.
 *
 * @param items         the value yielded to the script (usually an array)
 * @param configPatch   top-level config keys to write back; an object value for {@code params} or
 *                      {@code data} is merged key by key into the script's existing object; a JSON
 *                      null value means "delete this key"
 * @param callOnPage    whether {@code paginate.on_page} must be awaited after this page is consumed
 * @param nextPageParam the argument {@code nextPageParam} for {@code on_page}
 * @param response      the response of this page, for {@code on_page}
 */
public record Page(JsonNode items, ObjectNode configPatch, boolean callOnPage, JsonNode nextPageParam, ProxyResponse response) {
}
