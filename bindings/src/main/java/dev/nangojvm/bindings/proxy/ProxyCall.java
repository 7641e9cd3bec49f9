package dev.nangojvm.bindings.proxy;

import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything about one {@code nango.proxy(...)} call that is not in the script's configuration.
 *
 * @param connection where to fetch the connection before every attempt
 * @param provider   the current integration's provider (templates, retry and paginate config);
 *                   null means "look {@code info.provider()} up in the client's catalog"
 * @param log        receives the activity-log entries (one {@code http} entry per attempt, retry warnings); null for none
 * @param info       who runs, for host-side logs
 */
public record ProxyCall(ConnectionSource connection, Provider provider, Consumer<LogEntry> log, ExecutionInfo info) {

    public ProxyCall {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(info, "info");
        log = log == null ? entry -> { } : log;
    }
}
