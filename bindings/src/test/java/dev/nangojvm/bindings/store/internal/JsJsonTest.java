package dev.nangojvm.bindings.store.internal;

import static dev.nangojvm.bindings.store.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsJsonTest {

    @Nested
    @DisplayName("numbers print as JavaScript prints them")
    class Numbers {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "1.0, 1", "-0.0, 0", "0.1, 0.1", "123.456, 123.456", "1e21, 1e+21", "1e20, 100000000000000000000",
                "1.5e-7, 1.5e-7", "0.000001, 0.000001", "1e-7, 1e-7", "12345678.9, 12345678.9",
                "1.7976931348623157e308, 1.7976931348623157e+308", "5e-324, 5e-324", "-2.5, -2.5", "0.30000000000000004, 0.30000000000000004"})
        void doublesUseTheShortestRoundTripForm(double value, String expected) {
            assertThat(JsJson.numberToString(value)).isEqualTo(expected);
        }

        @Test
        void integralDoublesAndIntsHashTheSame() {
            ObjectNode asDouble = JsonNodeFactory.instance.objectNode().put("n", 5.0);
            ObjectNode asInt = JsonNodeFactory.instance.objectNode().put("n", 5);
            assertThat(JsJson.stringify(asDouble)).isEqualTo("{\"n\":5}").isEqualTo(JsJson.stringify(asInt));
        }

        @Test
        void nonFiniteNumbersBecomeNull() {
            assertThat(JsJson.stringify(JsonNodeFactory.instance.objectNode().put("n", Double.NaN))).isEqualTo("{\"n\":null}");
        }
    }

    @Nested
    @DisplayName("objects keep key order, with array-index keys first")
    class KeyOrder {
        @Test
        void insertionOrderIsKept() {
            assertThat(JsJson.stringify(obj("{'b':1,'a':{'y':true,'x':null},'c':[1,'2']}")))
                    .isEqualTo("{\"b\":1,\"a\":{\"y\":true,\"x\":null},\"c\":[1,\"2\"]}");
        }

        @Test
        void integerKeysComeFirstInAscendingOrderLikeInJs() {
            assertThat(JsJson.stringify(obj("{'b':1,'10':2,'2':3,'01':4,'a':5}")))
                    .isEqualTo("{\"2\":3,\"10\":2,\"b\":1,\"01\":4,\"a\":5}");
        }
    }

    @Nested
    @DisplayName("strings are escaped as JSON.stringify escapes them")
    class Strings {
        @Test
        void controlCharactersUseShortOrLowerCaseEscapes() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("s", "a\"b\\c\n\t\u0001\u001f/é\u2028");
            assertThat(JsJson.stringify(node)).isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001\\u001f/é\u2028\"}");
        }

        @Test
        void loneSurrogatesAreEscapedButPairsAreNot() {
            ObjectNode node = JsonNodeFactory.instance.objectNode().put("s", "\uD83D\uDE00\uD800x");
            assertThat(JsJson.stringify(node)).isEqualTo("{\"s\":\"\uD83D\uDE00\\ud800x\"}");
        }
    }

    @Test
    void md5IsLowerCaseHexOfUtf8() {
        assertThat(JsJson.md5Hex("{}")).isEqualTo("99914b932bd37a50b983c5e7c90ae93b");
        assertThat(JsJson.md5Hex("\u00e9")).isEqualTo("66ddcd97cfdeabb2f6fb8a999b4bc76f");
    }

    @Test
    void jsStringOfAnIdIsWhatStringOfItGivesInJs() {
        assertThat(JsJson.jsString(JsonNodeFactory.instance.numberNode(42))).isEqualTo("42");
        assertThat(JsJson.jsString(JsonNodeFactory.instance.numberNode(42.0))).isEqualTo("42");
        assertThat(JsJson.jsString(JsonNodeFactory.instance.numberNode(1.5))).isEqualTo("1.5");
        assertThat(JsJson.jsString(JsonNodeFactory.instance.textNode("abc"))).isEqualTo("abc");
    }
}
