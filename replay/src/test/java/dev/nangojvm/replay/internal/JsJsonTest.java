package dev.nangojvm.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsJsonTest {

    @Test
    void numbersReadAsEcmaScriptWritesThem() {
        assertThat(JsJson.numberToString(1e21)).isEqualTo("1e+21");
        assertThat(JsJson.numberToString(1e-7)).isEqualTo("1e-7");
        assertThat(JsJson.numberToString(123.456)).isEqualTo("123.456");
        assertThat(JsJson.numberToString(0.000001)).isEqualTo("0.000001");
        assertThat(JsJson.numberToString(9007199254740994d)).isEqualTo("9007199254740994");
        assertThat(JsJson.numberToString(1.5e300)).isEqualTo("1.5e+300");
        assertThat(JsJson.numberToString(100.0)).isEqualTo("100");
        assertThat(JsJson.numberToString(-0.0)).isEqualTo("0");
        assertThat(JsJson.numberToString(-2.5)).isEqualTo("-2.5");
        assertThat(JsJson.numberToJson(Double.NaN)).isEqualTo("null");
    }

    @Test
    void stringifyKeepsKeyOrderAndEscapesOnlyWhatJsonStringifyEscapes() throws Exception {
        var node = new ObjectMapper().readTree("{\"z\":1,\"a\":[true,null,1.0],\"é\":\"\\u2028\\u0001\\\"\\\\\\n\"}");
        assertThat(JsJson.stringify(node)).isEqualTo("{\"z\":1,\"a\":[true,null,1],\"é\":\"\u2028\\u0001\\\"\\\\\\n\"}");
        assertThat(JsJson.quote("a\uD800b")).isEqualTo("\"a\\ud800b\"");
        assertThat(JsJson.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
    }
}
