/**
 * {@code nango.paginate(config)}: {@link dev.nangojvm.bindings.pagination.Paginators#create} turns a
 * script's config, the provider's {@code proxy.paginate} defaults and a proxy function into the
 * lazy {@link dev.nangojvm.bindings.Paginator} the host iterates (see {@code docs/nango-runtime.md} §5).
 * Settings keep Nango's snake_case names ({@code cursor_name_in_request}, {@code link_rel_in_response_header},
 * {@code offset_name_in_request}, ...).
 */
package dev.nangojvm.bindings.pagination;
