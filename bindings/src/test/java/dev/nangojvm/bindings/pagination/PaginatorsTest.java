package dev.nangojvm.bindings.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.Page;
import dev.nangojvm.bindings.Paginator;
import dev.nangojvm.bindings.ProxyConfiguration;
import dev.nangojvm.bindings.ProxyResponse;
import dev.nangojvm.bindings.proxy.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Paginators (nango.paginate)")
class PaginatorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProxyConfiguration cfg(String singleQuoted) {
        return new ProxyConfiguration((ObjectNode) json(singleQuoted));
    }

    static Provider provider(String paginate) {
        return new Provider("fake", (ObjectNode) json("{'proxy':{'base_url':'https://api.test'" + (paginate == null ? "" : ",'paginate':" + paginate) + "}}"));
    }

    static ProxyResponse response(String data, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new ProxyResponse(200, "OK", headers, data == null ? null : json(data), "https://api.test/");
    }

    /** Answers from a script of responses and records every config it was called with. */
    static final class FakeProxy implements Function<ProxyConfiguration, ProxyResponse> {
        final List<ObjectNode> sent = new ArrayList<>();
        final Deque<ProxyResponse> replies = new ArrayDeque<>();

        FakeProxy reply(ProxyResponse... responses) {
            replies.addAll(List.of(responses));
            return this;
        }

        @Override
        public ProxyResponse apply(ProxyConfiguration c) {
            sent.add(c.json());
            if (replies.isEmpty()) {
                throw new AssertionError("unexpected request " + c.json());
            }
            return replies.poll();
        }
    }

    static List<Page> drain(Paginator p) {
        List<Page> pages = new ArrayList<>();
        for (Page page = p.next(); page != null; page = p.next()) {
            pages.add(page);
        }
        return pages;
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {
        @Test
        void needsAProviderDefaultOrAScriptType() {
            Paginator p = Paginators.create(cfg("{'endpoint':'/x'}"), provider(null), new FakeProxy());
            assertThatThrownBy(p::next).isInstanceOf(NangoException.class)
                    .hasMessage("There was no pagination configuration for this integration or configuration passed in.");
        }

        @Test
        void failsLazilyOnTheFirstNext() {
            FakeProxy proxy = new FakeProxy();
            Paginator p = Paginators.create(cfg("{'endpoint':'/x','paginate':{'type':'cursor'}}"), provider(null), proxy);
            assertThatThrownBy(p::next).hasMessage("Param cursor_name_in_request is required for cursor pagination");
            assertThat(proxy.sent).isEmpty();
            assertThat(p.next()).isNull();
        }

        @Test
        void validatesWithNangoMessages() {
            Map<String, String> cases = Map.of(
                    "{'type':'cursor','cursor_name_in_request':'c'}", "Param cursor_path_in_response is required for cursor pagination",
                    "{'type':'cursor','cursor_name_in_request':'c','cursor_path_in_response':'n','limit':5}",
                    "Param limit_name_in_request is required for cursor pagination when limit is set",
                    "{'type':'link'}", "Either param link_rel_in_response_header or link_path_in_response_body is required for link pagination",
                    "{'type':'offset'}", "Param offset_name_in_request is required for offset pagination",
                    "{'type':'Cursor'}", "Pagination type Cursor is not supported. Only cursor, link and offset pagination types are supported.",
                    "{'limit':5}", "Pagination type is required");
            cases.forEach((paginate, message) -> assertThatThrownBy(
                    () -> Paginators.create(cfg("{'endpoint':'/x'}"), provider(paginate), new FakeProxy()).next())
                    .as(paginate).hasMessage(message)
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("invalid_pagination_config"));
        }

        @Test
        void mergesProviderDefaultsUnderScriptKeysEvenAcrossTypes() {
            FakeProxy proxy = new FakeProxy().reply(response("[]"));
            Provider p = provider("{'type':'link','link_rel_in_response_header':'next','limit_name_in_request':'per_page','limit':100}");
            drain(Paginators.create(cfg("{'endpoint':'/x','paginate':{'type':'offset','offset_name_in_request':'skip','limit':10}}"), p, proxy));
            assertThat(proxy.sent.getFirst().get("params")).isEqualTo(json("{'per_page':10,'skip':'0'}"));
        }

        @Test
        void anUnknownProviderIsReported() {
            assertThatThrownBy(() -> Paginators.create(cfg("{'endpoint':'/x','paginate':{'type':'link'}}"), null, new FakeProxy()).next())
                    .extracting(e -> ((NangoException) e).code()).isEqualTo("unknown_provider_template_in_config");
        }
    }

    @Nested
    @DisplayName("cursor")
    class Cursor {
        private final String paginate = "{'type':'cursor','cursor_name_in_request':'after','cursor_path_in_response':'meta.next','response_path':'data','limit':2,'limit_name_in_request':'limit'}";

        @Test
        void followsTheCursorUntilItIsMissing() {
            FakeProxy proxy = new FakeProxy().reply(
                    response("{'data':[1,2],'meta':{'next':'c2'}}"),
                    response("{'data':[3],'meta':{}}"));
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/x','paginate':" + paginate + "}"), provider(null), proxy));
            assertThat(pages).extracting(Page::items).containsExactly(json("[1,2]"), json("[3]"));
            assertThat(pages).extracting(Page::nextPageParam).containsExactly(json("'c2'".replace('\'', '"')), null);
            assertThat(pages).allMatch(Page::callOnPage);
            assertThat(proxy.sent).extracting(s -> s.get("params")).containsExactly(json("{'limit':2}"), json("{'limit':2,'after':'c2'}"));
            assertThat(proxy.sent).extracting(s -> s.get("method").asText()).containsOnly("GET");
        }

        @Test
        void stopsWithoutYieldingOnAnEmptyPage() {
            FakeProxy proxy = new FakeProxy().reply(response("{'data':[1],'meta':{'next':'c2'}}"), response("{'data':[],'meta':{'next':'c3'}}"));
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/x','paginate':" + paginate + "}"), provider(null), proxy))).hasSize(1);
            assertThat(proxy.sent).hasSize(2);
        }

        @Test
        void trimsCursorsKeepsNumbersAndStopsOnBlankOrObjects() {
            FakeProxy proxy = new FakeProxy().reply(response("{'data':[1],'meta':{'next':'  c2 '}}"), response("{'data':[2],'meta':{'next':7}}"),
                    response("{'data':[3],'meta':{'next':'   '}}"));
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/x','paginate':" + paginate + "}"), provider(null), proxy));
            assertThat(pages).hasSize(3);
            assertThat(proxy.sent.get(1).path("params").path("after").asText()).isEqualTo("c2");
            assertThat(proxy.sent.get(2).path("params").path("after").isNumber()).isTrue();
            FakeProxy objects = new FakeProxy().reply(response("{'data':[1],'meta':{'next':{'id':1}}}"));
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/x','paginate':" + paginate + "}"), provider(null), objects))).hasSize(1);
        }

        @Test
        void postPutsParametersInTheBodyExpandingDottedKeys() {
            String dotted = "{'type':'cursor','cursor_name_in_request':'page.after','cursor_path_in_response':'next',"
                    + "'response_path':'items','limit':5,'limit_name_in_request':'page.size'}";
            FakeProxy proxy = new FakeProxy().reply(response("{'items':[{'id':1}],'next':'n2'}"), response("{'items':[]}"));
            ProxyConfiguration c = cfg("{'endpoint':'/search','method':'POST','data':{'query':'x'},'paginate':" + dotted + "}");
            List<Page> pages = drain(Paginators.create(c, provider(null), proxy));
            assertThat(proxy.sent.get(0).get("data")).isEqualTo(json("{'query':'x','page':{'size':5}}"));
            assertThat(proxy.sent.get(1).get("data")).isEqualTo(json("{'query':'x','page':{'size':5,'after':'n2'}}"));
            assertThat(pages).singleElement().extracting(Page::configPatch).isEqualTo(json("{'data':{'query':'x','page.size':5}}"));
        }

        @Test
        void inBodyOverridesTheMethodRule() {
            FakeProxy proxy = new FakeProxy().reply(response("{'data':[]}"), response("{'data':[]}"));
            Paginators.create(cfg("{'endpoint':'/x','method':'POST','paginate':" + paginate.replace("}", ",'in_body':false}") + "}"), provider(null), proxy).next();
            assertThat(proxy.sent.getFirst().get("params")).isEqualTo(json("{'limit':2}"));
            Paginators.create(cfg("{'endpoint':'/x','paginate':" + paginate.replace("}", ",'in_body':true}") + "}"), provider(null), proxy).next();
            assertThat(proxy.sent.get(1).get("data")).isEqualTo(json("{'limit':2}"));
        }
    }

    @Nested
    @DisplayName("link")
    class Link {
        @Test
        void followsAbsoluteHeaderLinksByOverridingTheBaseAndDroppingParams() {
            FakeProxy proxy = new FakeProxy().reply(
                    response("[1,2]", "link", "<https://api2.test/v2/items?page=2&per_page=2>; rel=\"next\", <https://api2.test/v2/items?page=9>; rel=\"last\""),
                    response("[3]"));
            Provider p = provider("{'type':'link','link_rel_in_response_header':'next','limit_name_in_request':'per_page','limit':2}");
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/items','params':{'sort':'id'}}"), p, proxy));
            assertThat(pages).extracting(Page::items).containsExactly(json("[1,2]"), json("[3]"));
            assertThat(proxy.sent.get(0).get("params")).isEqualTo(json("{'sort':'id','per_page':2}"));
            ObjectNode second = proxy.sent.get(1);
            assertThat(second.get("baseUrlOverride").asText()).isEqualTo("https://api2.test");
            assertThat(second.get("endpoint").asText()).isEqualTo("/v2/items?page=2&per_page=2");
            assertThat(second.has("params")).isFalse();
            assertThat(pages.getFirst().nextPageParam().asText()).isEqualTo("https://api2.test/v2/items?page=2&per_page=2");
            assertThat(pages.getLast().nextPageParam()).isNull();
        }

        @Test
        void usesRelativeBodyLinksAsTheEndpoint() {
            FakeProxy proxy = new FakeProxy().reply(response("{'results':[1],'meta':{'next':'/items?cursor=b'}}"), response("{'results':[2],'meta':{}}"));
            Provider p = provider("{'type':'link','link_path_in_response_body':'meta.next','response_path':'results'}");
            drain(Paginators.create(cfg("{'endpoint':'/items'}"), p, proxy));
            assertThat(proxy.sent.get(1).get("endpoint").asText()).isEqualTo("/items?cursor=b");
            assertThat(proxy.sent.get(1).has("baseUrlOverride")).isFalse();
        }

        @Test
        void fallsBackToTheBodyWhenTheHeaderHasNoLink() {
            FakeProxy proxy = new FakeProxy().reply(response("{'items':[1],'next':'/p2'}"), response("{'items':[2]}"));
            Provider p = provider("{'type':'link','link_rel_in_response_header':'next','link_path_in_response_body':'next','response_path':'items'}");
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/items'}"), p, proxy))).hasSize(2);
        }

        @Test
        void yieldsEmptyAndUndefinedPages() {
            FakeProxy proxy = new FakeProxy().reply(response("{'items':[],'next':'/p2'}"), response("{'next':'/p3'}"), response("{'items':[1]}"));
            Provider p = provider("{'type':'link','link_path_in_response_body':'next','response_path':'items'}");
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/items'}"), p, proxy)))
                    .extracting(Page::items).containsExactly(json("[]"), null, json("[1]"));
        }

        @Test
        void stopsWhenTheNextLinkRepeats() {
            FakeProxy proxy = new FakeProxy().reply(response("{'items':[1],'next':'/same'}"), response("{'items':[2],'next':'/same'}"));
            Provider p = provider("{'type':'link','link_path_in_response_body':'next','response_path':'items'}");
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/items'}"), p, proxy))).hasSize(2);
            assertThat(proxy.sent).hasSize(2);
        }

        @Test
        void ignoresLinkHeadersLongerThan2000Characters() {
            String longLink = "<https://api.test/items?c=" + "x".repeat(2000) + ">; rel=\"next\"";
            FakeProxy proxy = new FakeProxy().reply(response("[1]", "link", longLink));
            Provider p = provider("{'type':'link','link_rel_in_response_header':'next'}");
            assertThat(drain(Paginators.create(cfg("{'endpoint':'/items'}"), p, proxy))).hasSize(1);
        }

        @Test
        void endpointRewritesStayInNangosCopyOfTheConfig() {
            FakeProxy proxy = new FakeProxy().reply(response("[1]", "link", "<https://api.test/p2>; rel=\"next\""), response("[2]"));
            Provider p = provider("{'type':'link','link_rel_in_response_header':'next'}");
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/items','params':{'a':'1'}}"), p, proxy));
            assertThat(pages).extracting(pg -> (JsonNode) pg.configPatch()).containsOnly(json("{'method':'GET','params':{'a':'1'}}"));
        }
    }

    @Nested
    @DisplayName("offset")
    class Offset {
        @Test
        void advancesByResponseSizeSendingTheOffsetAsAString() {
            FakeProxy proxy = new FakeProxy().reply(response("{'rows':[1,2]}"), response("{'rows':[3,4]}"), response("{'rows':[]}"));
            Provider p = provider("{'type':'offset','offset_name_in_request':'offset','response_path':'rows'}");
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/rows'}"), p, proxy));
            assertThat(pages).hasSize(2);
            assertThat(proxy.sent).extracting(s -> s.path("params").path("offset")).containsExactly(
                    json("'0'".replace('\'', '"')), json("'2'".replace('\'', '"')), json("'4'".replace('\'', '"')));
            assertThat(pages).extracting(pg -> pg.nextPageParam().asLong()).containsExactly(0L, 2L);
        }

        @Test
        void perPageCountsPagesFromTheStartValue() {
            FakeProxy proxy = new FakeProxy().reply(response("[1]"), response("[2]"), response("[]"));
            Provider p = provider("{'type':'offset','offset_name_in_request':'page','offset_calculation_method':'per-page','offset_start_value':1}");
            drain(Paginators.create(cfg("{'endpoint':'/rows'}"), p, proxy));
            assertThat(proxy.sent).extracting(s -> s.path("params").path("page").asText()).containsExactly("1", "2", "3");
        }

        @Test
        void stopsAfterAShortPageWhenALimitIsSetWithoutOnPage() {
            FakeProxy proxy = new FakeProxy().reply(response("[1,2]"), response("[3]"));
            Provider p = provider("{'type':'offset','offset_name_in_request':'offset','limit':'2','limit_name_in_request':'limit'}");
            List<Page> pages = drain(Paginators.create(cfg("{'endpoint':'/rows'}"), p, proxy));
            assertThat(pages).extracting(Page::callOnPage).containsExactly(true, false);
            assertThat(proxy.sent).hasSize(2);
            assertThat(proxy.sent.getFirst().get("params")).isEqualTo(json("{'limit':'2','offset':'0'}"));
        }

        @Test
        void sendsTheOffsetAsANumberInTheBody() {
            FakeProxy proxy = new FakeProxy().reply(response("[]"));
            Provider p = provider("{'type':'offset','offset_name_in_request':'query.skip'}");
            drain(Paginators.create(cfg("{'endpoint':'/rows','method':'PUT'}"), p, proxy));
            assertThat(proxy.sent.getFirst().get("data")).isEqualTo(json("{'query':{'skip':0}}"));
        }
    }

    @Nested
    @DisplayName("caller-visible mutations")
    class Mutations {
        @Test
        void reportsTheDefaultedMethodAndTheParamsObjectButNeverMutatesTheInput() {
            FakeProxy proxy = new FakeProxy().reply(response("{'data':[1],'next':'c2'}"), response("{'data':[]}"));
            ProxyConfiguration c = cfg("{'endpoint':'/x','params':{'q':'a'},'paginate':{'type':'cursor','cursor_name_in_request':'cursor','cursor_path_in_response':'next','response_path':'data'}}");
            Page first = Paginators.create(c, provider(null), proxy).next();
            assertThat(first.configPatch()).isEqualTo(json("{'method':'GET','params':{'q':'a'}}"));
            assertThat(c.json().has("method")).isFalse();
        }

        @Test
        void aFreshParamsObjectIsNotAttachedToTheCaller() {
            FakeProxy proxy = new FakeProxy().reply(response("[1]"));
            Page page = Paginators.create(cfg("{'endpoint':'/x','method':'GET','paginate':{'type':'link','link_rel_in_response_header':'next','limit':5,'limit_name_in_request':'n'}}"),
                    provider(null), proxy).next();
            assertThat(page.configPatch()).isEmpty();
            assertThat(proxy.sent.getFirst().get("params")).isEqualTo(json("{'n':5}"));
        }

        @Test
        void writingIntoStringParamsIsATypeError() {
            Paginator p = Paginators.create(cfg("{'endpoint':'/x','params':'a=1','paginate':{'type':'offset','offset_name_in_request':'o'}}"), provider(null), new FakeProxy());
            assertThatThrownBy(p::next).hasMessage("Cannot create property 'o' on string 'a=1'");
        }
    }
}
