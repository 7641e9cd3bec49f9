package dev.nangojvm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.LogEntry;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.SyncExecution;
import dev.nangojvm.bindings.SyncSummary;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a sync run to print what happens as it happens: each page fetched and each batch saved.
 * Pure delegation, so the run behaves exactly as without it.
 */
final class ProgressSync implements SyncExecution {
    private final SyncExecution delegate;
    private final PrintStream out;
    private final AtomicInteger pages = new AtomicInteger();

    ProgressSync(SyncExecution delegate, PrintStream out) {
        this.delegate = delegate;
        this.out = out;
    }

    int pagesFetched() {
        return pages.get();
    }

    @Override
    public Paginator paginate(ProxyConfiguration config) {
        Paginator inner = delegate.paginate(config);
        return () -> {
            Page page = inner.next();
            if (page != null) {
                int n = pages.incrementAndGet();
                int items = page.items() != null && page.items().isArray() ? page.items().size() : 0;
                out.printf("     page %d: %d item(s)  (%s)%n", n, items, page.response() == null ? "" : shortUrl(page.response().url()));
            }
            return page;
        };
    }

    @Override
    public BatchResult batchSave(ArrayNode records, String model) {
        BatchResult r = delegate.batchSave(records, model);
        out.printf("     batchSave %d %s: %d added, %d updated, %d unchanged%n", records.size(), model, r.added(), r.updated(), r.unchanged());
        return r;
    }

    private static String shortUrl(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(slash);
    }

    @Override public ExecutionInfo info() { return delegate.info(); }
    @Override public ProxyResponse proxy(ProxyConfiguration config) { return delegate.proxy(config); }
    @Override public JsonNode getConnection(String key, String id) { return delegate.getConnection(key, id); }
    @Override public JsonNode getMetadata() { return delegate.getMetadata(); }
    @Override public void setMetadata(ObjectNode m) { delegate.setMetadata(m); }
    @Override public void updateMetadata(ObjectNode m) { delegate.updateMetadata(m); }
    @Override public JsonNode getCheckpoint() { return delegate.getCheckpoint(); }
    @Override public void saveCheckpoint(ObjectNode c) { delegate.saveCheckpoint(c); }
    @Override public void clearCheckpoint() { delegate.clearCheckpoint(); }
    @Override public JsonNode getEnvironmentVariables() { return delegate.getEnvironmentVariables(); }
    @Override public void log(LogEntry entry) { delegate.log(entry); }
    @Override public Optional<Instant> lastSyncDate() { return delegate.lastSyncDate(); }
    @Override public BatchResult batchUpdate(ArrayNode partials, String model) { return delegate.batchUpdate(partials, model); }
    @Override public BatchResult batchDelete(ArrayNode records, String model) { return delegate.batchDelete(records, model); }
    @Override public JsonNode getRecordsByIds(ArrayNode ids, String model) { return delegate.getRecordsByIds(ids, model); }
    @Override public JsonNode listRecords(String model, String cursor) { return delegate.listRecords(model, cursor); }
    @Override public void setMergingStrategy(String strategy, String model) { delegate.setMergingStrategy(strategy, model); }
    @Override public JsonNode deleteRecordsFromPreviousExecutions(String model) { return delegate.deleteRecordsFromPreviousExecutions(model); }
    @Override public void trackDeletesStart(String model) { delegate.trackDeletesStart(model); }
    @Override public JsonNode trackDeletesEnd(String model) { return delegate.trackDeletesEnd(model); }
    @Override public SyncSummary finish(boolean succeeded) { return delegate.finish(succeeded); }
    @Override public void close() { delegate.close(); }
}
