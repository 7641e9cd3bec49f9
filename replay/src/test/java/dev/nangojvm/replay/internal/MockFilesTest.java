package dev.nangojvm.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.replay.MockFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockFilesTest {
    @TempDir Path tmp;

    private static ScriptRequest request(String json) throws Exception {
        return ScriptRequest.from((ObjectNode) MockFixture.json(json));
    }

    @Test
    void aHashedFolderWinsAndItsFileIsNamedByTheIdentityHash() throws Exception {
        MockFixture f = new MockFixture(tmp, "create-user")
                .hashed("post", "v1/users", "{\"method\":\"post\",\"endpoint\":\"v1/users\",\"params\":[],\"headers\":[],\"data\":\"{\\\"n\\\":1}\"}",
                        "{\"id\":7}", "{\"x-a\":\"1\"}")
                .legacy("post", "v1/users", "{\"ignored\":true}");
        MockFiles.Response r = f.files().respond(request("{\"method\":\"post\",\"endpoint\":\"/v1/users\",\"data\":{\"n\":1}}"));
        assertThat(r.data()).isEqualTo(MockFixture.json("{\"id\":7}"));
        assertThat(r.status().intValue()).isEqualTo(200);
        assertThat(r.hasHeaders()).isTrue();

        assertThatThrownBy(() -> f.files().respond(request("{\"method\":\"post\",\"endpoint\":\"/v1/users\",\"data\":{\"n\":2}}")))
                .isInstanceOf(NangoException.class)
                .hasMessageStartingWith("Failed to load mock data from " + tmp.resolve("nango/post/proxy/v1/users/create-user"))
                .hasMessageEndingWith("{\"method\":\"post\",\"endpoint\":\"v1/users\",\"params\":[],\"headers\":[],\"data\":\"{\\\"n\\\":2}\"}");
    }

    @Test
    void aLegacyFileAnswersEveryRequestWithItsWholeContentAsTheBody() throws Exception {
        MockFixture f = new MockFixture(tmp, "users").legacy("get", "v1/users/", "[1]");
        // path.resolve semantics: the trailing slash collapses, '..' climbs
        MockFiles.Response r = f.files().respond(request("{\"endpoint\":\"/v1/users/\",\"params\":{\"page\":2}}"));
        assertThat(r.data().toString()).isEqualTo("[1]");
        assertThat(r.hasHeaders()).isFalse();
        assertThat(r.status()).isNull();
        assertThat(f.files().respond(request("{\"endpoint\":\"v1/x/../users\"}")).data().toString()).isEqualTo("[1]");
    }

    @Test
    void expectedFilesAreReadByMockName() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("create-user"));
        java.nio.file.Files.writeString(tmp.resolve("create-user/input.json"), "{not json");
        assertThat(new MockFiles(tmp, "create-user").input()).isEmpty();
        assertThatThrownBy(() -> new MockFiles(tmp, "create-user").nangoCall("getConnection"))
                .hasMessageContaining("Failed to load mock data from " + tmp.resolve("nango/getConnection.json"));
    }
}
