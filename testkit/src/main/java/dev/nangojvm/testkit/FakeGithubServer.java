package dev.nangojvm.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.nangojvm.testkit.GithubRepositories.Repository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A loopback fake of the GitHub REST API's pull request endpoints, for the sample integration's
 * tests and {@code ./nango-jvm demo}. Point the {@code github} provider's {@code base_url} at
 * {@link #baseUrl()} and give connections the bearer token {@link #token()}.
 *
 * <p>Endpoints (all require {@code Authorization: Bearer <token>} or {@code token <token>}, else
 * 401 {@code {"message":"Bad credentials"}}; unknown repositories and paths answer GitHub's 404):
 * <ul>
 *   <li>{@code GET /repos/{owner}/{repo}/pulls} with {@code state} (open|closed|all, default open),
 *       {@code head}, {@code base}, {@code sort} (created|updated, default created), {@code direction}
 *       (asc|desc; default desc for created, asc otherwise), {@code per_page} (default 30, at most 100)
 *       and {@code page}; an RFC 5988 {@code Link} header (prev, next, last, first) with absolute
 *       URLs on this server when there is more than one page.</li>
 *   <li>{@code GET /repos/{owner}/{repo}/pulls/{number}}.</li>
 *   <li>{@code POST /repos/{owner}/{repo}/pulls} with {@code title}, {@code head}, {@code base},
 *       {@code body?}, {@code draft?}: 201 with the pull request; 422 "Validation Failed" for a
 *       missing field, head equal to base, or an open pull request with the same head and base.</li>
 * </ul>
 * Successful answers carry {@code x-ratelimit-*} headers (remaining counts down from {@value #RATE_LIMIT},
 * reset one hour ahead); error answers carry none, except those of {@link #rateLimitNextRequests}.
 * Test hooks: {@link #updatePullRequest},
 * {@link #failNextRequests}, {@link #rateLimitNextRequests}, the request log ({@link #requests()}).
 *
 * <pre>{@code
 * try (var github = FakeGithubServer.withDefaults().start()) {   // nango-jvm/demo with 250 pull requests
 *     String baseUrl = github.baseUrl();
 *     String token = github.token();
 * }
 * }</pre>
 *
 * <p>Deterministic: the seeded pull requests depend only on the builder settings (see
 * {@link #DEFAULT_BASE_INSTANT}); times of later changes come from the {@link Builder#clock clock}.
 * Thread-safe.
 */
public final class FakeGithubServer implements AutoCloseable {

    public static final String DEFAULT_OWNER = "nango-jvm";
    public static final String DEFAULT_REPO = "demo";
    public static final int DEFAULT_PULL_REQUEST_COUNT = 250;
    /** The bearer token the fake accepts unless {@link Builder#token} sets another. */
    public static final String DEFAULT_TOKEN = "gho_fake_nango_jvm_demo_token";
    /** The login that authors pull requests created through the API. */
    public static final String DEFAULT_LOGIN = "nango-jvm-bot";
    /** Seeded pull request {@code n} is created {@code 3 h × (n − 1)} after this instant. */
    public static final Instant DEFAULT_BASE_INSTANT = Instant.parse("2024-01-01T00:00:00Z");
    public static final int DEFAULT_PER_PAGE = 30;
    public static final int MAX_PER_PAGE = 100;
    public static final int RATE_LIMIT = 5000;

    private static final Set<String> STATES = Set.of("open", "closed", "all");
    private static final Set<String> SORTS = Set.of("created", "updated");
    private static final Set<String> DIRECTIONS = Set.of("asc", "desc");

    private final FakeProviderServer http;
    private final GithubRepositories repositories;
    private final String token;
    private final String login;
    private final Clock clock;
    private int rateLimitUsed;

    private FakeGithubServer(Builder builder) {
        this.token = builder.token;
        this.login = builder.login;
        this.clock = builder.clock;
        Map<String, Integer> wanted = builder.repositories.isEmpty()
                ? Map.of(DEFAULT_OWNER + "/" + DEFAULT_REPO, DEFAULT_PULL_REQUEST_COUNT)
                : builder.repositories;
        this.repositories = new GithubRepositories(wanted, builder.baseInstant, clock);
        this.http = FakeProviderServer.builder()
                .interceptor(this::authenticate)
                .get("/repos/{owner}/{repo}/pulls", request -> withRateLimit(list(request)))
                .post("/repos/{owner}/{repo}/pulls", request -> withRateLimit(create(request)))
                .get("/repos/{owner}/{repo}/pulls/{number}", request -> withRateLimit(get(request)))
                .notFound(request -> withRateLimit(FakeResponse.json(404, GithubJson.error(404, "Not Found", GithubJson.DOCS))))
                .build();
    }

    /** A builder: no repositories yet (none added means {@code nango-jvm/demo} with 250 pull requests). */
    public static Builder builder() {
        return new Builder();
    }

    /** An unstarted server with every default: {@code nango-jvm/demo}, 250 pull requests, {@link #DEFAULT_TOKEN}. */
    public static FakeGithubServer withDefaults() {
        return builder().build();
    }

    /** Binds 127.0.0.1 on an ephemeral port. Returns {@code this}. */
    public FakeGithubServer start() {
        http.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}: the {@code base_url} for the {@code github} provider. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** The bearer token the server accepts. */
    public String token() {
        return token;
    }

    /** Stops the server. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    /** Every request received so far, oldest first (including refused ones). */
    public List<FakeRequest> requests() {
        return http.requests();
    }

    /** How many requests had this path, e.g. {@code /repos/nango-jvm/demo/pulls}. */
    public long requestCount(String path) {
        return http.requestCount(path);
    }

    /** How many requests had this method and path. */
    public long requestCount(String method, String path) {
        return http.requestCount(method, path);
    }

    /** Forgets the request log. */
    public void clearRequests() {
        http.clearRequests();
    }

    /** The pull requests of {@code nango-jvm/demo} (or the only configured repository's), by number. */
    public List<FakePullRequest> pullRequests() {
        return repositories.pullRequests(repositories.first());
    }

    /** The pull requests of a repository, by number. */
    public List<FakePullRequest> pullRequests(String owner, String repo) {
        return repositories.pullRequests(repositories.require(owner, repo));
    }

    /** {@link #updatePullRequest(String, String, int, String)} on the first configured repository. */
    public FakePullRequest updatePullRequest(int number, String newTitle) {
        return repositories.update(repositories.first(), number, Objects.requireNonNull(newTitle, "newTitle"));
    }

    /**
     * Renames a pull request and moves its {@code updated_at} to now (by the clock; at least one
     * second after the repository's latest change), so it comes first in {@code sort=updated&direction=desc}
     * and an incremental sync picks it up. Returns the updated pull request.
     */
    public FakePullRequest updatePullRequest(String owner, String repo, int number, String newTitle) {
        return repositories.update(repositories.require(owner, repo), number, Objects.requireNonNull(newTitle, "newTitle"));
    }

    /**
     * Answers the next {@code count} requests (any path, before the auth check) with {@code status}
     * and GitHub's error body, e.g. 500 {@code {"message":"Server Error"}}, without rate-limit
     * headers. Queued after pending failures.
     */
    public void failNextRequests(int count, int status) {
        http.failNext(count, request -> FakeResponse.json(status, GithubJson.error(status, reason(status), GithubJson.DOCS)));
    }

    /**
     * Answers the next {@code count} requests with GitHub's primary rate-limit refusal: 429,
     * {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} = now + {@code resetIn} in epoch
     * seconds (rounded up). Queued after pending failures.
     */
    public void rateLimitNextRequests(int count, Duration resetIn) {
        http.failNext(count, request -> FakeResponse.json(429, GithubJson.error(429,
                        "API rate limit exceeded for user " + login + ".", GithubJson.DOCS + "/overview/rate-limits-for-the-rest-api"))
                .withHeader("x-ratelimit-limit", Integer.toString(RATE_LIMIT))
                .withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", Integer.toString(RATE_LIMIT))
                .withHeader("x-ratelimit-reset", Long.toString(epochSecondsCeil(clock.instant().plus(resetIn))))
                .withHeader("x-ratelimit-resource", "core"));
    }

    // ---- request handling

    private Optional<FakeResponse> authenticate(FakeRequest request) {
        String[] parts = request.header("authorization").orElse("").trim().split("\\s+", 2);
        boolean knownScheme = parts[0].equalsIgnoreCase("bearer") || parts[0].equalsIgnoreCase("token");
        if (knownScheme && parts.length == 2 && parts[1].equals(token)) {
            return Optional.empty();
        }
        return Optional.of(withRateLimit(FakeResponse.json(401, GithubJson.error(401, "Bad credentials", GithubJson.DOCS))));
    }

    private FakeResponse list(FakeRequest request) {
        Optional<Repository> found = repository(request);
        if (found.isEmpty()) {
            return repoNotFound(GithubJson.LIST_DOCS);
        }
        String state = request.queryParam("state").orElse("open");
        String sort = request.queryParam("sort").orElse("created");
        String direction = request.queryParam("direction").orElse(sort.equals("created") ? "desc" : "asc");
        for (var param : List.of(Map.entry("state", STATES), Map.entry("sort", SORTS), Map.entry("direction", DIRECTIONS))) {
            String value = request.queryParam(param.getKey()).orElse(null);
            if (value != null && !param.getValue().contains(value)) {
                return FakeResponse.json(422, GithubJson.validationFailed(GithubJson.LIST_DOCS, "field", param.getKey(), "code", "invalid"));
            }
        }
        int perPage = Math.min(positiveInt(request.queryParam("per_page"), DEFAULT_PER_PAGE), MAX_PER_PAGE);
        int page = positiveInt(request.queryParam("page"), 1);
        List<FakePullRequest> matching = repositories.list(found.get(), filter(request, state), order(sort, direction));

        int lastPage = Math.max(1, (matching.size() + perPage - 1) / perPage);
        int from = (int) Math.min((long) (page - 1) * perPage, matching.size());
        ArrayNode body = FakeResponse.JSON.createArrayNode();
        matching.subList(from, Math.min(from + perPage, matching.size()))
                .forEach(pr -> body.add(GithubJson.pullRequest(pr, request.baseUrl(), found.get())));
        FakeResponse response = FakeResponse.json(200, body);
        return page == 1 && lastPage == 1 ? response : response.withHeader("link", LinkHeader.of(request, page, lastPage));
    }

    private static Predicate<FakePullRequest> filter(FakeRequest request, String state) {
        String head = request.queryParam("head").orElse(null);
        String base = request.queryParam("base").orElse(null);
        return pr -> (state.equals("all") || pr.state().equals(state))
                && (head == null || pr.headLabel().equalsIgnoreCase(head))
                && (base == null || pr.base().equals(base));
    }

    /** GitHub's order; ties (same second) broken by number, so pages never overlap. */
    private static Comparator<FakePullRequest> order(String sort, String direction) {
        Comparator<FakePullRequest> order = Comparator
                .comparing(sort.equals("updated") ? FakePullRequest::updatedAt : FakePullRequest::createdAt)
                .thenComparingInt(FakePullRequest::number);
        return direction.equals("desc") ? order.reversed() : order;
    }

    private FakeResponse get(FakeRequest request) {
        Optional<Repository> found = repository(request);
        String number = request.pathParam("number");
        Optional<FakePullRequest> pr = found.flatMap(repository -> repositories.pullRequests(repository).stream()
                .filter(candidate -> Integer.toString(candidate.number()).equals(number))
                .findFirst());
        return pr.map(it -> FakeResponse.json(200, GithubJson.pullRequest(it, request.baseUrl(), found.get())))
                .orElseGet(() -> repoNotFound(GithubJson.DOCS + "/pulls/pulls#get-a-pull-request"));
    }

    private FakeResponse create(FakeRequest request) {
        Optional<Repository> found = repository(request);
        if (found.isEmpty()) {
            return repoNotFound(GithubJson.CREATE_DOCS);
        }
        Repository repo = found.get();
        JsonNode body;
        try {
            body = FakeResponse.JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return FakeResponse.json(400, GithubJson.error(400, "Problems parsing JSON", GithubJson.CREATE_DOCS));
        }
        for (String field : List.of("title", "head", "base")) {
            if (body.path(field).asText("").isBlank()) {
                return FakeResponse.json(422, GithubJson.validationFailed(GithubJson.CREATE_DOCS, "field", field, "code", "missing_field"));
            }
        }
        String head = body.get("head").asText();
        String headLabel = head.contains(":") ? head : repo.owner() + ":" + head;
        String base = body.get("base").asText();
        if (headLabel.equalsIgnoreCase(repo.owner() + ":" + base)) {
            return FakeResponse.json(422, GithubJson.validationFailed(GithubJson.CREATE_DOCS, "code", "custom", "message", "No commits between " + base + " and " + head));
        }
        Optional<FakePullRequest> created = repositories.create(repo, body.get("title").asText().trim(),
                body.path("body").isTextual() ? body.get("body").asText() : null, login, body.path("draft").asBoolean(false), headLabel, base);
        if (created.isEmpty()) {
            return FakeResponse.json(422, GithubJson.validationFailed(GithubJson.CREATE_DOCS, "code", "custom", "message", "A pull request already exists for " + headLabel + "."));
        }
        var json = GithubJson.pullRequest(created.get(), request.baseUrl(), repo);
        return FakeResponse.json(201, json).withHeader("location", json.get("url").asText());
    }

    private FakeResponse repoNotFound(String documentationUrl) {
        return FakeResponse.json(404, GithubJson.error(404, "Not Found", documentationUrl));
    }

    /**
     * Counts the request against the rate limit and, on success, adds the {@code x-ratelimit-*}
     * headers. Error answers go without them on purpose: a client that honours
     * {@code x-ratelimit-reset} before every retry (Nango's github provider does) would otherwise
     * wait for the window reset, an hour away. Only {@link #rateLimitNextRequests} sets them on an error.
     */
    private synchronized FakeResponse withRateLimit(FakeResponse response) {
        rateLimitUsed++;
        if (response.status() >= 400) {
            return response;
        }
        return response
                .withHeader("x-ratelimit-limit", Integer.toString(RATE_LIMIT))
                .withHeader("x-ratelimit-remaining", Integer.toString(Math.max(0, RATE_LIMIT - rateLimitUsed)))
                .withHeader("x-ratelimit-used", Integer.toString(rateLimitUsed))
                .withHeader("x-ratelimit-reset", Long.toString(epochSecondsCeil(clock.instant().plus(Duration.ofHours(1)))))
                .withHeader("x-ratelimit-resource", "core")
                .withHeader("x-github-api-version-selected", "2022-11-28");
    }

    private Optional<Repository> repository(FakeRequest request) {
        return repositories.find(request.pathParam("owner"), request.pathParam("repo"));
    }

    private static int positiveInt(Optional<String> value, int fallback) {
        try {
            int parsed = Integer.parseInt(value.orElse(""));
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long epochSecondsCeil(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }

    private static String reason(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            case 500 -> "Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error " + status;
        };
    }

    /** Settings of a {@link FakeGithubServer}; every one has a default. */
    public static final class Builder {
        private final Map<String, Integer> repositories = new LinkedHashMap<>();
        private String token = DEFAULT_TOKEN;
        private String login = DEFAULT_LOGIN;
        private Clock clock = Clock.systemUTC();
        private Instant baseInstant = DEFAULT_BASE_INSTANT;

        private Builder() {}

        /** Adds a repository seeded with {@code pullRequestCount} pull requests (0 or more). */
        public Builder repository(String owner, String repo, int pullRequestCount) {
            if (owner.isBlank() || owner.contains("/") || repo.isBlank() || repo.contains("/")) {
                throw new IllegalArgumentException("owner and repo must be single non-blank path segments, were '" + owner + "' and '" + repo + "'");
            }
            if (pullRequestCount < 0) {
                throw new IllegalArgumentException("pullRequestCount must be >= 0, was " + pullRequestCount);
            }
            if (repositories.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(owner + "/" + repo))) {
                throw new IllegalArgumentException("repository " + owner + "/" + repo + " is already configured");
            }
            repositories.put(owner + "/" + repo, pullRequestCount);
            return this;
        }

        /** The bearer token to accept; default {@link #DEFAULT_TOKEN}. */
        public Builder token(String token) {
            if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token must be non-blank without whitespace");
            }
            this.token = token;
            return this;
        }

        /** The author login of pull requests created through the API; default {@link #DEFAULT_LOGIN}. */
        public Builder login(String login) {
            this.login = Objects.requireNonNull(login, "login");
            return this;
        }

        /** Clock for created/updated times of later changes and rate-limit resets; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Start of the seeded timeline; default {@link #DEFAULT_BASE_INSTANT}. Truncated to seconds. */
        public Builder baseInstant(Instant baseInstant) {
            this.baseInstant = baseInstant.truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /** An unstarted server; call {@link FakeGithubServer#start()}. */
        public FakeGithubServer build() {
            return new FakeGithubServer(this);
        }
    }
}
