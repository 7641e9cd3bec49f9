package dev.nangojvm.replay.internal;

import static dev.nangojvm.replay.internal.MockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.replay.Difference;
import org.junit.jupiter.api.Test;

class JsonComparisonTest {

    @Test
    void strictEqualityIgnoresKeyOrderAndNumberSpelling() throws Exception {
        assertThat(JsonComparison.strict(json("[{\"a\":1.0,\"b\":[1,2]}]"), json("[{\"b\":[1,2],\"a\":1}]"))).isEmpty();
    }

    @Test
    void theFirstDifferenceIsReportedAsAPathWithBothValues() throws Exception {
        assertThat(JsonComparison.strict(json("[{\"id\":1,\"email\":\"a@x\"}]"), json("[{\"id\":1,\"email\":\"b@x\"}]")))
                .contains(new Difference("$[0].email", "\"a@x\"", "\"b@x\""));
        assertThat(JsonComparison.strict(json("{\"a\":{\"first name\":1}}"), json("{\"a\":{}}")))
                .contains(new Difference("$.a[\"first name\"]", "1", "(absent)"));
        assertThat(JsonComparison.strict(json("{\"a\":1}"), json("{\"a\":1,\"b\":null}")))
                .contains(new Difference("$.b", "(absent)", "null"));
        assertThat(JsonComparison.strict(json("[1]"), json("[1,2]")))
                .contains(new Difference("$.length", "1 items", "2 items (first extra: 2)"));
        assertThat(JsonComparison.strict(json("{\"n\":null}"), json("{\"n\":0}"))).isPresent();
    }

    @Test
    void toEqualTellsDatesAndUndefinedArrayItemsFromJson() throws Exception {
        String tag = "\\u0000nango-jvm-replay";
        assertThat(JsonComparison.toEqual(json("{\"at\":\"2024-01-01T00:00:00.000Z\"}"),
                json("{\"at\":{\"" + tag + "\":\"Date\",\"value\":\"2024-01-01T00:00:00.000Z\"}}")))
                .contains(new Difference("$.at", "\"2024-01-01T00:00:00.000Z\"", "Date(2024-01-01T00:00:00.000Z)"));
        assertThat(JsonComparison.toEqual(json("[null]"), json("[{\"" + tag + "\":\"undefined\",\"value\":null}]")))
                .contains(new Difference("$[0]", "null", "undefined"));
        assertThat(JsonComparison.equal(json("{\"a\":[1,{\"b\":true}]}"), json("{\"a\":[1,{\"b\":true}]}"))).isTrue();
    }
}
