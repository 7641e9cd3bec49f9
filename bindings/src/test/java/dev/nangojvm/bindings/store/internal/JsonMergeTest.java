package dev.nangojvm.bindings.store.internal;

import static dev.nangojvm.bindings.store.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonMergeTest {

    @Test
    void nestedObjectsMergeKeyByKey() {
        ObjectNode merged = JsonMerge.deep(obj("{'id':'1','identity':{'name':'John','age':44}}"),
                obj("{'id':'1','identity':{'name':'Jane'}}"));
        assertThat(JsJson.stringify(merged)).isEqualTo("{\"id\":\"1\",\"identity\":{\"name\":\"Jane\",\"age\":44}}");
    }

    @Test
    void arraysAreReplacedNotMerged() {
        ObjectNode merged = JsonMerge.deep(obj("{'tags':[{'n':'a'},{'n':'b'}],'k':1}"), obj("{'tags':[{'m':'c'}]}"));
        assertThat(JsJson.stringify(merged)).isEqualTo("{\"tags\":[{\"m\":\"c\"}],\"k\":1}");
    }

    @Test
    void scalarsAndNullReplaceAndNewKeysAreAppended() {
        ObjectNode merged = JsonMerge.deep(obj("{'a':{'x':1},'b':2}"), obj("{'z':true,'a':null,'b':{'y':1}}"));
        assertThat(JsJson.stringify(merged)).isEqualTo("{\"a\":null,\"b\":{\"y\":1},\"z\":true}");
    }

    @Test
    void neitherInputIsModified() {
        ObjectNode stored = obj("{'a':{'x':1}}");
        ObjectNode partial = obj("{'a':{'y':2}}");
        ObjectNode merged = JsonMerge.deep(stored, partial);
        ((ObjectNode) merged.get("a")).put("x", 99);
        assertThat(stored).isEqualTo(obj("{'a':{'x':1}}"));
        assertThat(partial).isEqualTo(obj("{'a':{'y':2}}"));
    }
}
