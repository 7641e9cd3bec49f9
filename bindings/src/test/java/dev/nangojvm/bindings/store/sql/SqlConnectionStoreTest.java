package dev.nangojvm.bindings.store.sql;

import static dev.nangojvm.bindings.store.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.ConnectionsFile;
import dev.nangojvm.bindings.store.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.nangojvm.bindings.store.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.BeforeEach;
import dev.nangojvm.bindings.store.ConnectionStore;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SqlConnectionStoreTest {
    @Parameter
    StoreKind kind;

    private SqlStores stores;
    private ConnectionStore store;

    @BeforeEach
    void open() {
        stores = kind.open(java.time.Clock.systemUTC());
        store = stores.connections();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    private void putConnection(String metadata) {
        store.put(new StoredConnection("conn-1", "github", "github", obj("{'type':'OAUTH2','access_token':'t1'}"),
                obj("{'owner':'octo'}"), metadata == null ? null : obj(metadata)));
    }

    @Nested
    @DisplayName("metadata")
    class Metadata {
        @Test
        void isEmptyUntilSet() {
            putConnection(null);
            assertThat(store.getMetadata("github", "conn-1")).isEmpty();
        }

        @Test
        void setMetadataReplacesTheWholeObject() {
            putConnection("{'a':1,'b':{'x':1}}");
            store.setMetadata("github", "conn-1", obj("{'b':{'y':2}}"));
            assertThat(store.getMetadata("github", "conn-1")).contains(obj("{'b':{'y':2}}"));
        }

        @Test
        void updateMetadataMergesOnlyTopLevelKeys() {
            putConnection("{'a':1,'b':{'x':1}}");
            assertThat(store.updateMetadata("github", "conn-1", obj("{'b':{'y':2},'c':3}")))
                    .isEqualTo(obj("{'a':1,'b':{'y':2},'c':3}"));
            assertThat(store.getMetadata("github", "conn-1")).contains(obj("{'a':1,'b':{'y':2},'c':3}"));
        }

        @Test
        void updateMetadataWithoutExistingMetadataStartsFromEmpty() {
            putConnection(null);
            store.updateMetadata("github", "conn-1", obj("{'a':1}"));
            assertThat(store.getMetadata("github", "conn-1")).contains(obj("{'a':1}"));
        }

        @Test
        void concurrentUpdatesLoseNoKeys() throws Exception {
            putConnection("{}");
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> IntStream.range(0, 25).forEach(i ->
                            store.updateMetadata("github", "conn-1", obj("{'k" + thread + "_" + i + "':" + i + "}")))));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            assertThat(store.getMetadata("github", "conn-1").orElseThrow().size()).isEqualTo(100);
        }

        @Test
        void anUnknownConnectionIsAnError() {
            assertThatThrownBy(() -> store.setMetadata("github", "nope", obj("{}")))
                    .isInstanceOf(NangoException.class)
                    .hasMessage("Connection not found: connection 'nope' of integration 'github' is not in the connection store. "
                            + "Add it (e.g. to the connections file) before running scripts for it.")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unknown_connection");
            assertThatThrownBy(() -> store.getMetadata("github", "nope")).isInstanceOf(NangoException.class);
            assertThatThrownBy(() -> store.updateMetadata("github", "nope", obj("{}"))).isInstanceOf(NangoException.class);
        }
    }

    @Test
    void putReplacesAndUpdateCredentialsKeepsTheRest() {
        putConnection("{'m':1}");
        store.updateCredentials("github", "conn-1", obj("{'type':'OAUTH2','access_token':'t2'}"));

        StoredConnection stored = store.find("github", "conn-1").orElseThrow();
        assertThat(stored.credentials()).isEqualTo(obj("{'type':'OAUTH2','access_token':'t2'}"));
        assertThat(stored.connectionConfig()).isEqualTo(obj("{'owner':'octo'}"));
        assertThat(stored.metadata()).isEqualTo(obj("{'m':1}"));

        putConnection(null);
        assertThat(store.find("github", "conn-1").orElseThrow().metadata()).isNull();
        assertThat(store.list()).hasSize(1);
        assertThat(store.delete("github", "conn-1")).isTrue();
        assertThat(store.find("github", "conn-1")).isEmpty();
    }

    @Nested
    @DisplayName("connections file")
    class File {
        @TempDir
        Path dir;

        private Path write(String json) throws IOException {
            return Files.writeString(dir.resolve("connections.json"), json.replace('\'', '"'));
        }

        @Test
        void loadsEveryConnectionIntoTheStore() throws IOException {
            Path file = write("{'connections':[{'connection_id':'c1','provider_config_key':'github','provider':'github',"
                    + "'credentials':{'type':'API_KEY','apiKey':'k'},'metadata':{'team':'a'}},"
                    + "{'connectionId':'c2','providerConfigKey':'slack','provider':'slack','credentials':{'type':'NONE'},"
                    + "'connectionConfig':{'subdomain':'x'}}]}");

            assertThat(ConnectionsFile.load(file, store)).isEqualTo(2);

            assertThat(store.getMetadata("github", "c1")).contains(obj("{'team':'a'}"));
            StoredConnection slack = store.find("slack", "c2").orElseThrow();
            assertThat(slack.connectionConfig()).isEqualTo(obj("{'subdomain':'x'}"));
            assertThat(slack.metadata()).isNull();
        }

        @Test
        void namesTheEntryAndFieldThatIsWrong() throws IOException {
            Path file = write("{'connections':[{'connection_id':'c1','provider':'github','credentials':{}}]}");
            assertThatThrownBy(() -> ConnectionsFile.load(file, store))
                    .hasMessage("Connections file " + file + ": connections[0].provider_config_key must be a non-empty string.")
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_connections_file");
            assertThatThrownBy(() -> ConnectionsFile.read(write("[]")))
                    .hasMessageEndingWith("must be an object with a 'connections' array, e.g. {\"connections\": [...]}.");
        }
    }
}
