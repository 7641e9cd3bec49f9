package dev.nangojvm.bindings;

import dev.nangojvm.bindings.internal.DefaultNangoAction;
import dev.nangojvm.bindings.internal.DefaultNangoSync;
import dev.nangojvm.bindings.internal.StoredConnections;
import dev.nangojvm.bindings.proxy.CredentialsRefresher;
import dev.nangojvm.bindings.proxy.EgressGuard;
import dev.nangojvm.bindings.proxy.HostResolver;
import dev.nangojvm.bindings.proxy.IntegrationCredentials;
import dev.nangojvm.bindings.proxy.OAuthCredentialsRefresher;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.proxy.ProxyClient;
import dev.nangojvm.bindings.proxy.Sleeper;
import dev.nangojvm.bindings.store.CheckpointStore;
import dev.nangojvm.bindings.store.ConnectionStore;
import dev.nangojvm.bindings.store.RecordStore;
import dev.nangojvm.bindings.store.Stores;
import dev.nangojvm.bindings.store.SyncRun;
import dev.nangojvm.bindings.store.SyncStateStore;
import dev.nangojvm.policy.EgressRules;
import java.io.IOException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The front door of the bindings: opens the {@code nango} object of one execution, wired to a
 * provider catalog, the stores and the proxy.
 *
 * <pre>{@code
 * try (H2Stores stores = H2Stores.open(dir);
 *      NangoBindings nango = NangoBindings.builder().catalog(ProviderCatalog.load(providersYaml)).stores(stores).build()) {
 *     SyncExecution run = nango.startSync(info, syncConfig, log::add);
 * }
 * }</pre>
 *
 * <p>Thread-safe; one instance serves any number of concurrent executions.
 */
public final class NangoBindings implements AutoCloseable {
    private final ProviderCatalog catalog;
    private final RecordStore records;
    private final ConnectionStore connections;
    private final CheckpointStore checkpoints;
    private final SyncStateStore syncState;
    private final Stores stores;
    private final ProxyClient proxy;
    private final CloseableHttpClient http;
    private final Clock clock;
    private final Map<String, String> environmentVariables;

    private NangoBindings(Builder b) {
        this.catalog = b.catalog;
        this.records = Objects.requireNonNull(b.records, "records: call stores(...) or records(...)");
        this.connections = Objects.requireNonNull(b.connections, "connections: call stores(...) or connections(...)");
        this.checkpoints = Objects.requireNonNull(b.checkpoints, "checkpoints: call stores(...) or checkpoints(...)");
        this.syncState = Objects.requireNonNull(b.syncState, "syncState: call stores(...) or syncState(...)");
        this.stores = b.bundle != null && b.bundle.records() == records && b.bundle.connections() == connections
                && b.bundle.checkpoints() == checkpoints && b.bundle.syncState() == syncState
                ? b.bundle : Stores.of(records, connections, checkpoints, syncState);
        this.clock = b.clock;
        this.environmentVariables = Map.copyOf(b.environmentVariables);
        EgressGuard guard = new EgressGuard(b.egress, b.hostResolver);
        // One pooled client for provider calls and token requests alike; its DNS answers pass the guard.
        this.http = ProxyClient.newHttpClient(guard, ProxyClient.DEFAULT_CONNECT_TIMEOUT);
        CredentialsRefresher oauth = b.refresher != null ? b.refresher : OAuthCredentialsRefresher.builder()
                .httpClient(http).egressGuard(guard).clock(clock).integrationCredentials(b.integrationCredentials).build();
        this.proxy = ProxyClient.builder()
                .catalog(catalog)
                .egressGuard(guard)
                .httpClient(http)
                .clock(clock)
                .sleeper(b.sleeper)
                .credentialsRefresher(StoredConnections.persisting(oauth, connections))
                .integrationCredentials(b.integrationCredentials)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The {@code nango} object of a sync run: records go to the record store; end it with
     * {@link SyncExecution#finish}, then close it. Its checkpoints commit together with the records
     * saved before them when the stores share transactions ({@link Stores#openUnitOfWork()}).
     */
    public SyncExecution startSync(ExecutionInfo info, SyncConfig config, Consumer<LogEntry> log) {
        return startSync(info, config, SyncOptions.defaults(), log);
    }

    /** {@link #startSync(ExecutionInfo, SyncConfig, Consumer)} with record validation or other options. */
    public SyncExecution startSync(ExecutionInfo info, SyncConfig config, SyncOptions options, Consumer<LogEntry> log) {
        SyncRun run = SyncRun.start(stores, info, config, options, clock, log);
        return new DefaultNangoSync(info, context(log), run);
    }

    /** The {@code nango} object of an action run. */
    public NangoAction startAction(ExecutionInfo info, Consumer<LogEntry> log) {
        return new DefaultNangoAction(info, context(log));
    }

    private DefaultNangoAction.Services context(Consumer<LogEntry> log) {
        return new DefaultNangoAction.Services(catalog, proxy, connections, records, checkpoints, environmentVariables, log);
    }

    public ProviderCatalog catalog() { return catalog; }
    public RecordStore records() { return records; }
    public ConnectionStore connections() { return connections; }

    @Override
    public void close() {
        try {
            proxy.close();
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures the bindings. The stores are required; everything else has a default. */
    public static final class Builder {
        private ProviderCatalog catalog = ProviderCatalog.empty();
        private RecordStore records;
        private ConnectionStore connections;
        private CheckpointStore checkpoints;
        private SyncStateStore syncState;
        private Stores bundle;
        private EgressRules egress = EgressRules.publicInternetOnly();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HostResolver hostResolver = HostResolver.SYSTEM;
        private CredentialsRefresher refresher;
        private Function<String, IntegrationCredentials> integrationCredentials = key -> IntegrationCredentials.NONE;
        private final Map<String, String> environmentVariables = new LinkedHashMap<>();

        private Builder() { }

        /** The providers the proxy knows (base URLs, auth, retry and pagination defaults). Default: none. */
        public Builder catalog(ProviderCatalog catalog) { this.catalog = Objects.requireNonNull(catalog); return this; }

        /** All four stores of one database ({@code H2Stores}, {@code PostgresStores}, or your own), with their units of work. */
        public Builder stores(Stores stores) {
            this.bundle = Objects.requireNonNull(stores, "stores");
            return records(stores.records()).connections(stores.connections()).checkpoints(stores.checkpoints()).syncState(stores.syncState());
        }

        public Builder records(RecordStore s) { this.records = s; return this; }
        public Builder connections(ConnectionStore s) { this.connections = s; return this; }
        public Builder checkpoints(CheckpointStore s) { this.checkpoints = s; return this; }
        public Builder syncState(SyncStateStore s) { this.syncState = s; return this; }

        /** Where proxy calls may go. Default: {@link EgressRules#publicInternetOnly()}. */
        public Builder egress(EgressRules rules) { this.egress = Objects.requireNonNull(rules); return this; }

        /** Time of runs, records and retry waits. Default: the system UTC clock. */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        /** How retry waits are spent. Default: {@code Thread.sleep}. Tests pass a recording sleeper. */
        public Builder sleeper(Sleeper sleeper) { this.sleeper = Objects.requireNonNull(sleeper); return this; }

        /** DNS for the proxy's egress guard; tests use a fixed table. Default: the system resolver. */
        public Builder hostResolver(HostResolver resolver) { this.hostResolver = Objects.requireNonNull(resolver); return this; }

        /** Replaces the OAuth refresher (refresh_token grant, client credentials). */
        public Builder credentialsRefresher(CredentialsRefresher refresher) { this.refresher = refresher; return this; }

        /** The OAuth app (client id and secret) of each integration, by provider config key. */
        public Builder integrationCredentials(Function<String, IntegrationCredentials> lookup) {
            this.integrationCredentials = Objects.requireNonNull(lookup);
            return this;
        }

        /** What {@code nango.getEnvironmentVariables()} returns. */
        public Builder environmentVariable(String name, String value) { environmentVariables.put(name, value); return this; }

        public NangoBindings build() {
            return new NangoBindings(this);
        }
    }
}
