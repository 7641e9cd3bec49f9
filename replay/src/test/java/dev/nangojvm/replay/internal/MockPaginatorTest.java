package dev.nangojvm.replay.internal;

import static dev.nangojvm.replay.internal.MockFixture.drain;
import static dev.nangojvm.replay.internal.MockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockPaginatorTest {
    @TempDir Path tmp;

    @Test
    void cursorMergesProviderDefaultsAndStopsAfterPageOneOnADottedCursorPath() throws Exception {
        // acme's default cursor_path_in_response is 'paging.next.after': a plain property read finds nothing.
        MockFixture f = new MockFixture(tmp, "contacts").hashed("get", "crm/v3/objects/contacts",
                "{\"method\":\"get\",\"endpoint\":\"crm/v3/objects/contacts\",\"params\":[[\"limit\",100],[\"properties\",\"email\"]],\"headers\":[]}",
                "{\"results\":[{\"id\":1},{\"id\":2}],\"paging\":{\"next\":{\"after\":\"2\"}}}", "{\"content-type\":\"application/json\"}");
        List<Page> pages = drain(f.paginator("acme", """
                {"endpoint":"/crm/v3/objects/contacts","params":{"properties":"email"},"paginate":{"limit":100}}"""));

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).isEqualTo(json("[{\"id\":1},{\"id\":2}]"));
        assertThat(pages.get(0).configPatch().get("method").asText()).isEqualTo("get");
        assertThat(pages.get(0).configPatch().get("params")).isEqualTo(json("{\"properties\":\"email\",\"limit\":100}"));
        assertThat(pages.get(0).configPatch().at("/paginate/response_path").asText()).isEqualTo("results");
    }

    @Test
    void cursorFollowsAPlainCursorTrimmedAndStopsOnAnEmptyOne() throws Exception {
        String base = "{\"method\":\"get\",\"endpoint\":\"items\",\"params\":[";
        MockFixture f = new MockFixture(tmp, "items")
                .hashed("get", "items", base + "],\"headers\":[]}", "{\"data\":[1,2],\"next\":\" c2 \"}", "{}")
                .hashed("get", "items", base + "[\"cursor\",\"c2\"]],\"headers\":[]}", "{\"data\":[3],\"next\":\"\"}", "{}");
        List<Page> pages = drain(f.paginator("acme", """
                {"endpoint":"items","paginate":{"cursor_path_in_response":"next","cursor_name_in_request":"cursor","response_path":"data"}}"""));

        assertThat(pages).extracting(p -> p.items().toString()).containsExactly("[1,2]", "[3]");
        assertThat(pages.get(1).configPatch().get("params")).isEqualTo(json("{\"cursor\":\"c2\"}"));
        assertThat(f.reads).hasSize(2);
    }

    @Test
    void cursorInABodyForPost() throws Exception {
        MockFixture f = new MockFixture(tmp, "search").hashed("post", "search",
                "{\"method\":\"post\",\"endpoint\":\"search\",\"params\":[],\"headers\":[],\"data\":\"{\\\"q\\\":\\\"x\\\",\\\"limit\\\":\\\"50\\\"}\"}",
                "{\"results\":[{\"id\":1}]}", "{}");
        List<Page> pages = drain(f.paginator("acme", """
                {"method":"POST","endpoint":"search","data":{"q":"x"},"paginate":{"limit":"50","cursor_path_in_response":"after"}}"""));
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).configPatch().get("data")).isEqualTo(json("{\"q\":\"x\",\"limit\":\"50\"}"));
    }

    @Test
    void linkFollowsTheLinkHeaderAsPathnamePlusSearchAndResetsParams() throws Exception {
        MockFixture f = new MockFixture(tmp, "users")
                .hashed("get", "v1/users", "{\"method\":\"get\",\"endpoint\":\"v1/users\",\"params\":[[\"per_page\",2]],\"headers\":[]}",
                        "[{\"id\":1},{\"id\":2}]",
                        "{\"link\":\"<https://api.acme.test/v1/users?page=2&per_page=2>; rel=\\\"next\\\", <https://api.acme.test/v1/users?page=9>; rel=\\\"last\\\"\"}")
                .hashed("get", "v1/users?page=2&per_page=2",
                        "{\"method\":\"get\",\"endpoint\":\"v1/users?page=2&per_page=2\",\"params\":[],\"headers\":[]}",
                        "[{\"id\":3}]", "{\"link\":\"<https://api.acme.test/v1/users?page=1>; rel=\\\"prev\\\"\"}");
        List<Page> pages = drain(f.paginator("acme", """
                {"endpoint":"/v1/users","params":{"per_page":2},"paginate":{"type":"link","link_rel_in_response_header":"next","response_path":""}}"""));

        assertThat(pages).extracting(p -> p.items().toString()).containsExactly("[{\"id\":1},{\"id\":2}]", "[{\"id\":3}]");
        assertThat(pages.get(1).configPatch().get("endpoint").asText()).isEqualTo("/v1/users?page=2&per_page=2");
        assertThat(f.reads).containsExactly("nango/get/proxy/v1/users/users/" + RequestIdentity.sha1(
                "{\"method\":\"get\",\"endpoint\":\"v1/users\",\"params\":[[\"per_page\",2]],\"headers\":[]}") + ".json",
                "nango/get/proxy/v1/users?page=2&per_page=2/users/" + RequestIdentity.sha1(
                "{\"method\":\"get\",\"endpoint\":\"v1/users?page=2&per_page=2\",\"params\":[],\"headers\":[]}") + ".json");
    }

    @Test
    void linkFromABodyPathKeepsARelativeLinkVerbatimAndFailsOnAMissingPage() throws Exception {
        MockFixture f = new MockFixture(tmp, "calls")
                .hashed("get", "v1/calls", "{\"method\":\"get\",\"endpoint\":\"v1/calls\",\"params\":[],\"headers\":[]}",
                        "{\"calls\":[1],\"meta\":{\"next\":\"/v1/calls?p=2\"}}", "{}")
                .hashed("get", "v1/calls?p=2", "{\"method\":\"get\",\"endpoint\":\"v1/calls?p=2\",\"params\":[],\"headers\":[]}",
                        "{\"meta\":{}}", "{}");
        MockPaginator p = f.paginator("acme", """
                {"endpoint":"v1/calls","paginate":{"type":"link","link_path_in_response_body":"meta.next","response_path":"calls"}}""");
        assertThat(p.next().items().toString()).isEqualTo("[1]");
        assertThatThrownBy(p::next).isInstanceOf(NangoException.class)
                .hasMessage("Cannot read properties of undefined (reading 'length')");
    }

    @Test
    void offsetSendsAStringOffsetInParamsAndStopsOnAShortPage() throws Exception {
        String id = "{\"method\":\"get\",\"endpoint\":\"tickets\",\"params\":[[\"limit\",2],[\"offset\",\"%s\"]],\"headers\":[]}";
        MockFixture f = new MockFixture(tmp, "tickets")
                .hashed("get", "tickets", id.formatted("0"), "{\"data\":{\"rows\":[1,2]}}", "{}")
                .hashed("get", "tickets", id.formatted("2"), "{\"data\":{\"rows\":[3]}}", "{}");
        List<Page> pages = drain(f.paginator("acme", """
                {"endpoint":"tickets","paginate":{"type":"offset","offset_name_in_request":"offset","limit":2,"response_path":"data.rows"}}"""));
        assertThat(pages).extracting(p -> p.items().toString()).containsExactly("[1,2]", "[3]");
        assertThat(f.reads).hasSize(2);
    }

    @Test
    void offsetPerPageInABodyStaysANumber() throws Exception {
        String id = "{\"method\":\"post\",\"endpoint\":\"q\",\"params\":[],\"headers\":[],\"data\":\"{\\\"page\\\":%s}\"}";
        MockFixture f = new MockFixture(tmp, "q")
                .hashed("post", "q", id.formatted("1"), "[1]", "{}")
                .hashed("post", "q", id.formatted("2"), "[]", "{}");
        List<Page> pages = drain(f.paginator("acme", """
                {"method":"post","endpoint":"q","paginate":{"type":"offset","offset_name_in_request":"page","offset_start_value":1,
                 "offset_calculation_method":"per-page","response_path":""}}"""));
        assertThat(pages).extracting(p -> p.items().toString()).containsExactly("[1]");
        assertThat(f.reads).hasSize(2);
    }

    @Test
    void aBodyOnlyResponseYieldsItsArraysOnceWhateverTheStrategy() throws Exception {
        MockFixture f = new MockFixture(tmp, "users").legacy("get", "v1/users", "{\"users\":[1,2],\"meta\":{},\"tags\":[\"a\"]}");
        List<Page> pages = drain(f.paginator("acme", """
                {"endpoint":"v1/users","paginate":{"type":"link","link_path_in_response_body":"meta.next","response_path":""}}"""));
        assertThat(pages).extracting(p -> p.items().toString()).containsExactly("[1,2]", "[\"a\"]");

        MockFixture g = new MockFixture(tmp.resolve("g"), "list").legacy("get", "list", "[1,2]");
        List<Page> withPath = drain(g.paginator("acme", "{\"endpoint\":\"list\"}"));
        // the data is an array, then data['results'] (acme's response_path) is undefined, and both are yielded
        assertThat(withPath).extracting(p -> p.items().toString()).containsExactly("[1,2]", "null");
    }

    @Test
    void providersComeFromTheCatalogWithAliasesResolved() throws Exception {
        MockFixture f = new MockFixture(tmp, "x").legacy("get", "x", "{\"results\":[1]}");
        assertThat(drain(f.paginator("acme-sandbox", "{\"endpoint\":\"x\"}"))).hasSize(1);
        assertThatThrownBy(() -> f.paginator("lattice", "{\"endpoint\":\"x\"}").next())
                .hasMessage("Provider config not found for lattice");
        assertThatThrownBy(() -> f.paginator("bare", "{\"endpoint\":\"x\"}").next())
                .hasMessage("Cannot read properties of undefined (reading 'paginate')");
    }
}
