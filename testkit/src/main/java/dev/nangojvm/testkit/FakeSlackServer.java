package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loopback fake of Slack's Web API user methods, for the "action leveraging sync responses" sample.
 *
 * <ul>
 *   <li>{@code GET /users.list} with {@code limit} (default 0 = all, capped at 200 here as Slack
 *       recommends) and {@code cursor}: {@code {ok, members, cache_ts, response_metadata:
 *       {next_cursor}}}; {@code next_cursor} is {@code ""} on the last page.</li>
 *   <li>{@code GET /users.info} with {@code user}: {@code {ok: true, user}}, or
 *       {@code {ok: false, error: "user_not_found"}}.</li>
 * </ul>
 * Like Slack, errors are HTTP 200 with {@code ok: false}: {@code invalid_auth} without
 * {@code Authorization: Bearer <token>}, {@code invalid_cursor} for a bad cursor,
 * {@code unknown_method} for other paths.
 *
 * <p>Deterministic data ({@link #withDefaultUsers()}): {@value #USERS} users with ids
 * {@code U00001001}... ({@link #userId(int)}); every 25th is deactivated ({@code deleted: true}),
 * every 40th a bot. Test hooks: {@link #addUser}, {@link #rename}.
 */
public final class FakeSlackServer extends FakeApiServer {

    public static final String DEFAULT_TOKEN = "xoxb-fake-slack-bot-token";
    public static final String TEAM_ID = "T0FAKE0001";
    public static final int USERS = 450;
    public static final int MAX_LIMIT = 200;
    public static final Instant BASE_INSTANT = Instant.parse("2023-09-01T08:00:00Z");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIRST = List.of("Egon", "Peter", "Ray", "Winston", "Dana", "Janine", "Louis", "Walter");
    private static final List<String> TITLES = List.of("Engineer", "Designer", "Support Lead", "Product Manager", "");
    private static final List<String> ZONES = List.of("America/Los_Angeles", "Europe/Lisbon", "Asia/Tokyo", "America/New_York");

    /** One Slack user. */
    public record User(String id, String name, String realName, String title, String timezone, boolean admin, boolean bot, boolean deleted, long updated) {}

    private final List<User> users = new ArrayList<>();

    private FakeSlackServer(String token) {
        super(token);
        serve(FakeProviderServer.builder()
                        .get("/users.list", this::list)
                        .get("/users.info", this::info)
                        .notFound(request -> FakeResponse.json(404, Map.of("ok", false, "error", "unknown_method"))),
                request -> FakeResponse.json(200, Map.of("ok", false, "error", "invalid_auth")));
    }

    /** A started server with the default users. Close it after use. */
    public static FakeSlackServer withDefaultUsers() {
        FakeSlackServer slack = new FakeSlackServer(DEFAULT_TOKEN);
        for (int n = 1; n <= USERS; n++) {
            slack.users.add(user(n));
        }
        return slack;
    }

    /** The id of seeded user {@code n} (1-based): {@code U00001001} for 1. */
    public static String userId(int n) {
        return String.format("U%08d", 1000 + n);
    }

    /** Adds a user (as if they just joined); returns its id. */
    public synchronized String addUser(String name, String realName) {
        String id = userId(users.size() + 1);
        users.add(new User(id, name, realName, "New hire", "Europe/Lisbon", false, false, false, Instant.now().getEpochSecond()));
        return id;
    }

    /** Changes a user's real name (and its {@code updated} time). */
    public synchronized void rename(String id, String realName) {
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            if (u.id().equals(id)) {
                users.set(i, new User(u.id(), u.name(), realName, u.title(), u.timezone(), u.admin(), u.bot(), u.deleted(), Instant.now().getEpochSecond()));
                return;
            }
        }
        throw new IllegalArgumentException("no user " + id);
    }

    // ---- handlers

    private synchronized FakeResponse list(FakeRequest request) {
        int limit = intParam(request.queryParam("limit"), MAX_LIMIT);
        limit = Math.min(limit, MAX_LIMIT);
        int from = 0;
        Optional<String> cursor = request.queryParam("cursor").filter(c -> !c.isEmpty());
        if (cursor.isPresent()) {
            String decoded = new String(Base64.getDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            if (!decoded.startsWith("user:")) {
                return FakeResponse.json(200, Map.of("ok", false, "error", "invalid_cursor"));
            }
            String after = decoded.substring("user:".length());
            from = (int) users.stream().takeWhile(u -> !u.id().equals(after)).count();
        }
        int to = Math.min(from + limit, users.size());
        ObjectNode body = NODES.objectNode().put("ok", true);
        ArrayNode members = body.putArray("members");
        users.subList(from, to).forEach(u -> members.add(json(u)));
        body.put("cache_ts", Instant.now().getEpochSecond());
        String next = to < users.size()
                ? Base64.getEncoder().encodeToString(("user:" + users.get(to).id()).getBytes(StandardCharsets.UTF_8))
                : "";
        body.putObject("response_metadata").put("next_cursor", next);
        return FakeResponse.json(200, body);
    }

    private synchronized FakeResponse info(FakeRequest request) {
        String id = request.queryParam("user").orElse("");
        return users.stream().filter(u -> u.id().equals(id)).findFirst()
                .map(u -> {
                    ObjectNode body = NODES.objectNode().put("ok", true);
                    body.set("user", json(u));
                    return FakeResponse.json(200, body);
                })
                .orElseGet(() -> FakeResponse.json(200, Map.of("ok", false, "error", "user_not_found")));
    }

    private static ObjectNode json(User u) {
        ObjectNode json = NODES.objectNode();
        json.put("id", u.id());
        json.put("team_id", TEAM_ID);
        json.put("name", u.name());
        json.put("deleted", u.deleted());
        json.put("color", "9f69e7");
        json.put("real_name", u.realName());
        json.put("tz", u.timezone());
        json.put("tz_label", "Local time");
        json.put("tz_offset", 0);
        ObjectNode profile = json.putObject("profile");
        profile.put("title", u.title());
        profile.put("phone", "");
        profile.put("real_name", u.realName());
        profile.put("real_name_normalized", u.realName());
        profile.put("display_name", u.bot() ? "" : u.name());
        profile.put("display_name_normalized", u.bot() ? "" : u.name());
        if (!u.bot()) {
            profile.put("email", u.name() + "@ghostbusters.example");
        }
        profile.put("image_72", "https://avatars.slack-edge.com/fake/" + u.id() + "_72.png");
        profile.put("team", TEAM_ID);
        json.put("is_admin", u.admin());
        json.put("is_owner", u.admin() && u.id().equals(userId(1)));
        json.put("is_primary_owner", u.id().equals(userId(1)));
        json.put("is_restricted", false);
        json.put("is_ultra_restricted", false);
        json.put("is_bot", u.bot());
        json.put("is_app_user", false);
        json.put("updated", u.updated());
        return json;
    }

    private static User user(int n) {
        String first = FIRST.get(n % FIRST.size());
        boolean bot = n % 40 == 0;
        String name = bot ? "helper-bot-" + n : first.toLowerCase() + n;
        return new User(userId(n), name, bot ? "Helper Bot " + n : first + " Number" + n, bot ? "" : TITLES.get(n % TITLES.size()),
                ZONES.get(n % ZONES.size()), n % 50 == 1, bot, n % 25 == 0, BASE_INSTANT.plusSeconds(3600L * n).getEpochSecond());
    }
}
