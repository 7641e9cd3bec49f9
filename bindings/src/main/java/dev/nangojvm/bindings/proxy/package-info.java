/**
 * The Java side of {@code nango.proxy(...)}: {@link dev.nangojvm.bindings.proxy.ProxyClient} (front
 * door), the provider catalog, credentials refresh and the egress guard. Behaviour follows Nango's
 * runtime (see {@code docs/nango-runtime.md} §4); the names keep Nango's vocabulary.
 *
 * <p>Glossary, Nango (TypeScript) to here:
 * <ul>
 *   <li>{@code nango.proxy(config)} / {@code get/post/...} → {@code ProxyClient.proxy(ProxyConfiguration, ProxyCall)}</li>
 *   <li>{@code providers.yaml}, {@code getProvider(name)} → {@code ProviderCatalog.load(...)}, {@code find(name)}</li>
 *   <li>{@code ConnectionForProxy} → {@link dev.nangojvm.bindings.proxy.Connection}; {@code getConnection()} before each attempt → {@link dev.nangojvm.bindings.proxy.ConnectionSource}</li>
 *   <li>{@code integrationConfig.oauth_client_id/secret} → {@link dev.nangojvm.bindings.proxy.IntegrationCredentials}</li>
 *   <li>server-side token refresh → {@link dev.nangojvm.bindings.proxy.OAuthCredentialsRefresher}</li>
 *   <li>{@code packages/egress} outbound policy → {@link dev.nangojvm.bindings.proxy.EgressGuard} over {@code EgressRules}</li>
 *   <li>{@code retryFlexible} + {@code getProxyRetryFromErr} → the retry loop in {@code ProxyClient}, waits via {@link dev.nangojvm.bindings.proxy.Sleeper}</li>
 * </ul>
 */
package dev.nangojvm.bindings.proxy;
