package dev.nangojvm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FakeProviderServer")
class FakeProviderServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private FakeProviderServer server;

    @BeforeEach
    void start() {
        server = FakeProviderServer.builder()
                .interceptor(request -> request.header("x-api-key").filter("secret"::equals).isPresent()
                        ? Optional.empty()
                        : Optional.of(FakeResponse.json(401, Map.of("error", "no key"))))
                .get("/users/{id}", request -> FakeResponse.json(200, Map.of("id", request.pathParam("id"), "q", request.queryParam("q").orElse(""))))
                .post("/users", request -> FakeResponse.json(201, Map.of("echo", request.body())))
                .get("/boom", request -> {
                    throw new IllegalStateException("kaboom");
                })
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
    }

    @Test
    void routesByMethodAndTemplateWithDecodedPathAndQueryParameters() throws Exception {
        HttpResponse<String> response = send("GET", "/users/42?q=a%20b", null);

        assertThat(response.statusCode()).isEqualTo(200);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(response.body())).isEqualTo(json.valueToTree(Map.of("id", "42", "q", "a b")));
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void passesTheBodyToTheHandler() throws Exception {
        HttpResponse<String> response = send("POST", "/users", "{\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"echo\":\"{\\\"name\\\":\\\"x\\\"}\"}");
    }

    @Test
    void answers404WhenNoRouteMatchesTheMethodAndPath() throws Exception {
        assertThat(send("DELETE", "/users/42", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/users/42/extra", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theInterceptorAnswersBeforeTheRoutes() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/users/1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aThrowingHandlerAnswers500WithTheException() throws Exception {
        HttpResponse<String> response = send("GET", "/boom", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("kaboom");
    }

    @Test
    void logsEveryRequestAndCountsThemPerPath() throws Exception {
        send("GET", "/users/1", null);
        send("GET", "/users/1?q=x", null);
        send("POST", "/users", "{}");

        assertThat(server.requests()).extracting(FakeRequest::method, FakeRequest::pathAndQuery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", "/users/1"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/users/1?q=x"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/users"));
        assertThat(server.requestCount("/users/1")).isEqualTo(2);
        assertThat(server.requestCount("POST", "/users")).isEqualTo(1);

        server.clearRequests();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void injectedFailuresAnswerInOrderBeforeTheInterceptorThenRoutingResumes() throws Exception {
        server.failNext(1, request -> FakeResponse.empty(503));
        server.failNext(2, request -> FakeResponse.json(429, Map.of("path", request.path())).withHeader("retry-after", "1"));

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send("GET", "/users/7", null).statusCode());
        }

        assertThat(statuses).containsExactly(503, 429, 429, 200);
    }

    @Test
    void targetedFailuresAnswerOnlyTheMatchingRequestsAsManyTimesAsAsked() throws Exception {
        server.failMatching(request -> request.path().equals("/users/2"), 2, request -> FakeResponse.empty(400));

        List<Integer> statuses = new java.util.ArrayList<>();
        for (String path : List.of("/users/1", "/users/2", "/users/1", "/users/2", "/users/2")) {
            statuses.add(send("GET", path, null).statusCode());
        }

        assertThat(statuses).containsExactly(200, 400, 200, 400, 200);
        assertThatThrownBy(() -> server.failMatching(request -> true, 0, request -> FakeResponse.empty(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveFailureCount() {
        assertThatThrownBy(() -> server.failNext(0, request -> FakeResponse.empty(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, was 0");
    }

    @Test
    void aStoppedServerNoLongerAcceptsConnections() {
        String url = server.baseUrl() + "/users/1";
        server.close();
        server.close();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                        .header("x-api-key", "secret")
                        .method(method, publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
