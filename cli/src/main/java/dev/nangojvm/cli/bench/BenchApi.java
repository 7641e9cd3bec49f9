package dev.nangojvm.cli.bench;

import dev.nangojvm.testkit.FakeProviderServer;
import dev.nangojvm.testkit.FakeResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback API of the benchmark: {@code GET /contacts?cursor=&limit=} pages through
 * {@code total} deterministic raw contacts. Both runtimes read the very same bytes.
 */
final class BenchApi {
    private BenchApi() { }

    static FakeProviderServer start(int total) {
        return FakeProviderServer.builder()
                .get("/contacts", request -> {
                    int cursor = request.queryParam("cursor").map(Integer::parseInt).orElse(0);
                    int limit = request.queryParam("limit").map(Integer::parseInt).orElse(100);
                    int end = Math.min(total, cursor + limit);
                    List<Map<String, Object>> contacts = new ArrayList<>(end - cursor);
                    for (int i = cursor; i < end; i++) contacts.add(contact(i));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("contacts", contacts);
                    body.put("next", end < total ? String.valueOf(end) : "");
                    return FakeResponse.json(200, body);
                })
                .build()
                .start();
    }

    /** Raw contact {@code i}, the same bytes for every runtime. */
    static Map<String, Object> contact(int i) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", i);
        c.put("first_name", " First" + (i % 97) + " ");
        c.put("last_name", "Last  " + (i % 89));
        c.put("email", i % 5 == 0 ? null : "User" + i + "@Example.COM");
        c.put("company", i % 3 == 0 ? null : Map.of("name", "Company " + (i % 31)));
        c.put("tags", "a" + (i % 3) + ", b" + (i % 5) + ",,c" + (i % 7));
        c.put("created", String.format("2020-%02d-%02dT%02d:00:00.000Z", i % 12 + 1, i % 28 + 1, i % 24));
        c.put("score", String.valueOf((i % 1000) / 7.0));
        return c;
    }
}
