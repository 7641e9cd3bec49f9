package dev.nangojvm.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Expected strings and hashes were produced by Node 20 (JSON.stringify + crypto sha1) from the same script values. */
class RequestIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestIdentity identity(String receivedConfig) throws Exception {
        return RequestIdentity.of(ScriptRequest.from((ObjectNode) JSON.readTree(receivedConfig)));
    }

    @Test
    void theConformanceExampleHashesToItsFileName() throws Exception {
        RequestIdentity id = identity("""
                {"endpoint":"/api/1.0/tasks/1208921934691498","data":{"data":{"id":"1208921934691498","name":"Test 4!"}},"method":"PUT"}""");
        assertThat(id.json()).isEqualTo("{\"method\":\"put\",\"endpoint\":\"api/1.0/tasks/1208921934691498\",\"params\":[],\"headers\":[],"
                + "\"data\":\"{\\\"data\\\":{\\\"id\\\":\\\"1208921934691498\\\",\\\"name\\\":\\\"Test 4!\\\"}}\"}");
        assertThat(id.hash()).isEqualTo("be30e9396d7c447c5f33e9024ebf467df0beaa0f");
    }

    @Test
    void paramsKeepTheirJsTypesAndUndefinedEntriesAndSortByCodeUnits() throws Exception {
        // Script: params {since: new Date(0), limit: 100, cursor: undefined}; the guest tags 'cursor'.
        RequestIdentity id = identity("""
                {"endpoint":"/wiki/api/v2/pages","params":{"since":"1970-01-01T00:00:00.000Z","limit":100},
                 "headers":{"Authorization":"Bearer x","X-Ü":"1e+21","Connection-Id":"c"},"data":"%s",
                 "\\u0000nango-jvm-replay":{"params":["cursor"],"headers":[]}}""".formatted("x".repeat(1001)));
        assertThat(id.json()).isEqualTo("{\"method\":\"get\",\"endpoint\":\"wiki/api/v2/pages\",\"params\":[[\"cursor\",null],[\"limit\",100],"
                + "[\"since\",\"1970-01-01T00:00:00.000Z\"]],\"headers\":[[\"X-Ü\",\"1e+21\"]],\"data\":\"sha1:4dc5c831a3c11d2ae8d6ffa0f9d3f11b3bdfa3f7\"}");
        assertThat(id.hash()).isEqualTo("06ac62420dc2c6b4e208203e1ce9b01fc56e6cdc");
    }

    @Test
    void integerLikeKeysSortAsStringsAndDataKeepsInsertionOrder() throws Exception {
        RequestIdentity id = identity("""
                {"method":"post","endpoint":"v1/users?x=1","params":{"2":"b","10":"a","a":1.5,"B":[1,"2"]},
                 "headers":{"content-type":"application/json","User-Agent":"x"},"data":{"z":1,"a":[true,null],"é":"\\u2028"}}""");
        assertThat(id.hash()).isEqualTo("7563fab6cc80f2a473a4d474a30a42f0b063612a");
    }

    @Test
    void aBufferBodyHashesAsBase64AndFalsyBodiesAreAbsent() throws Exception {
        RequestIdentity buffer = identity("""
                {"method":"post","endpoint":"upload","data":{"type":"Buffer","data":[104,195,169,108,108,111]}}""");
        assertThat(buffer.hash()).isEqualTo("30d107176121dfe4b06493078c5449cd21d8043a");
        for (String falsy : new String[] {"\"\"", "0", "false", "null"}) {
            assertThat(identity("{\"endpoint\":\"x\",\"data\":" + falsy + "}").json()).doesNotContain("data");
        }
    }

    @Test
    void onlyOneLeadingSlashIsRemoved() throws Exception {
        assertThat(identity("{\"endpoint\":\"//double\"}").endpoint()).isEqualTo("/double");
        assertThat(identity("{\"endpoint\":\"https://api.example.com/x\"}").endpoint()).isEqualTo("https://api.example.com/x");
    }
}
