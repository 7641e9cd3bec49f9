package dev.nangojvm.bindings.proxy;

import static dev.nangojvm.bindings.proxy.Fixtures.connection;
import static dev.nangojvm.bindings.proxy.Fixtures.json;
import static dev.nangojvm.bindings.proxy.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Request bodies as axios sends them")
class RequestBodyTest {

    private static String text(RequestBody.Encoded e) {
        return new String(e.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void objectsAreJsonWithAJsonContentType() {
        var e = RequestBody.encode(json("{'a':1,'b':[true,null]}"), new HashMap<>());
        assertThat(text(e)).isEqualTo("{\"a\":1,\"b\":[true,null]}");
        assertThat(e.contentType()).isEqualTo("application/json");
    }

    @Test
    void doublesArePrintedTheJavaScriptWay() {
        assertThat(RequestBody.jsonStringify(DoubleNode.valueOf(1.0))).isEqualTo("1");
        assertThat(RequestBody.jsonStringify(DoubleNode.valueOf(1e21))).isEqualTo("1e+21");
        assertThat(RequestBody.jsonStringify(DoubleNode.valueOf(0.1))).isEqualTo("0.1");
    }

    @Test
    void stringsAreSentVerbatimWithoutAContentType() {
        var e = RequestBody.encode(TextNode.valueOf("a=1&b=2"), new HashMap<>());
        assertThat(text(e)).isEqualTo("a=1&b=2");
        assertThat(e.contentType()).isNull();
    }

    @Test
    void aStringWithAJsonContentTypeIsTrimmedIfJsonElseQuoted() {
        Map<String, String> h = new HashMap<>(Map.of("content-type", "application/json"));
        assertThat(text(RequestBody.encode(TextNode.valueOf(" {\"a\":1} "), h))).isEqualTo("{\"a\":1}");
        assertThat(text(RequestBody.encode(TextNode.valueOf("hi"), h))).isEqualTo("\"hi\"");
    }

    @Test
    void objectsWithAFormContentTypeAreFormEncoded() {
        Map<String, String> h = new HashMap<>(Map.of("content-type", "application/x-www-form-urlencoded"));
        assertThat(text(RequestBody.encode(json("{'a':'x y','tags':['p','q'],'o':{'k':1},'n':null}"), h)))
                .isEqualTo("a=x+y&tags%5B%5D=p&tags%5B%5D=q&o%5Bk%5D=1");
    }

    @Test
    void multipartGetsABoundaryContentType() {
        Map<String, String> h = new HashMap<>(Map.of("content-type", "multipart/form-data"));
        var e = RequestBody.encode(json("{'field':'value'}"), h);
        assertThat(e.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(text(e)).contains("name=\"field\"").contains("value");
    }

    @Test
    void providerBodyIsMergedOverObjectBodiesAndDropsUnresolvedLeaves() {
        Provider p = provider("{'proxy':{'base_url':'https://x','body':{'auth':{'key':'${apiKey}','gone':'${nope}'},'v':'2'}}}");
        var c = connection("{'type':'API_KEY','apiKey':'k'}");
        assertThat(RequestBody.withProviderBody("POST", json("{'v':'1','q':'x'}"), p, c, Clock.systemUTC()))
                .isEqualTo(json("{'v':'2','q':'x','auth':{'key':'k'}}"));
        assertThat(RequestBody.withProviderBody("POST", null, p, c, Clock.systemUTC())).isEqualTo(json("{'auth':{'key':'k'},'v':'2'}"));
        assertThat(RequestBody.withProviderBody("POST", TextNode.valueOf("raw"), p, c, Clock.systemUTC())).isEqualTo(TextNode.valueOf("raw"));
        assertThat(RequestBody.withProviderBody("GET", json("{'v':'1'}"), p, c, Clock.systemUTC())).isEqualTo(json("{'v':'1'}"));
    }
}
