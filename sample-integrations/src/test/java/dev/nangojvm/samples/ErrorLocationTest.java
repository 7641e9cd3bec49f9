package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nangojvm.bindings.ExecutionInfo;
import dev.nangojvm.bindings.NangoBindings;
import dev.nangojvm.bindings.SyncConfig;
import dev.nangojvm.bindings.proxy.ProviderCatalog;
import dev.nangojvm.bindings.store.StoredConnection;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.host.IntegrationHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorLocationTest {

    @Test
    void aTypeErrorInAMapperPointsAtTheTypeScriptLineThatThrew() {
        SampleProject fixture = SampleProject.compile(Path.of("src/test/resources/fixtures/nango-integrations"));
        try (IntegrationHost host = IntegrationHost.builder().build();
             H2Stores stores = H2Stores.inMemory();
             NangoBindings nango = NangoBindings.builder()
                     .catalog(ProviderCatalog.of(Map.of("demo", Map.of("auth_mode", "NONE", "proxy", Map.of("base_url", "https://demo.example")))))
                     .stores(stores).build()) {
            stores.connections().put(new StoredConnection("c1", "demo", "demo", JsonNodeFactory.instance.objectNode(),
                    JsonNodeFactory.instance.objectNode(), null));
            var info = new ExecutionInfo("c1", "demo", "demo", "things", "sync", null);
            var run = nango.startSync(info, new SyncConfig("things", List.of("Thing"), "full", true), e -> { });

            ExecutionResult result = host.runSync(fixture.bundle("demo", "things"), run);

            assertThat(result.error().code()).isEqualTo("script_internal_error");
            assertThat(result.error().message()).startsWith("TypeError: ");
            assertThat(result.error().location()).startsWith("demo/mappers/to-thing.ts:11:");
            assertThat(result.error().stack()).contains("demo/syncs/things.ts:6:");
        }
    }
}
