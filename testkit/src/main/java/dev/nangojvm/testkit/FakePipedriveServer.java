package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loopback fake of Pipedrive's API v2 activities list, for the 24-hour extended sync sample.
 *
 * <p>{@code GET /api/v2/activities} with {@code limit} (default 100, at most 500), {@code cursor},
 * {@code updated_since} / {@code updated_until} (RFC 3339), {@code sort_by} ({@code id},
 * {@code update_time}, {@code add_time}; default {@code id}) and {@code sort_direction}
 * ({@code asc} by default): {@code {success, data, additional_data: {next_cursor}}}, with
 * {@code next_cursor} null on the last page. The cursor is opaque (it encodes the last id served)
 * and only valid with the same sort. Requests without {@code Authorization: Bearer <token>} answer
 * 401 with Pipedrive's error body; a bad cursor or date 400.
 *
 * <p>Deterministic data ({@link #withDefaultActivities()}): {@value #ACTIVITIES} activities with ids
 * 1.., added one every 3 hours from {@link #BASE_INSTANT}. Test hooks: {@link #updateActivity},
 * {@link #addActivity}.
 */
public final class FakePipedriveServer extends FakeApiServer {

    public static final String DEFAULT_TOKEN = "pipedrive-fake-access-token";
    public static final int ACTIVITIES = 2300;
    public static final int MAX_LIMIT = 500;
    public static final Instant BASE_INSTANT = Instant.parse("2022-01-03T08:00:00Z");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TYPES = List.of("call", "meeting", "task", "deadline", "email", "lunch");
    private static final List<String> VERBS = List.of("Call", "Meet", "Follow up with", "Send proposal to", "Demo for");

    /** One activity. */
    public record Activity(long id, String subject, String type, long ownerId, Long dealId, Long personId, Long orgId,
                           String dueDate, String dueTime, String duration, boolean done, String note, Instant addTime, Instant updateTime) {}

    private final List<Activity> activities = new ArrayList<>();
    private Instant lastChange = Instant.EPOCH;

    private FakePipedriveServer(String token) {
        super(token);
        serve(FakeProviderServer.builder()
                        .get("/api/v2/activities", this::list)
                        .notFound(request -> FakeResponse.json(404, Map.of("success", false, "error", "Unknown method .", "errorCode", 404))),
                request -> FakeResponse.json(401, Map.of("success", false, "error", "unauthorized access", "errorCode", 401,
                        "error_info", "Please check developers.pipedrive.com for more information about Pipedrive API.")));
    }

    /** A started server with the default activities. Close it after use. */
    public static FakePipedriveServer withDefaultActivities() {
        FakePipedriveServer pipedrive = new FakePipedriveServer(DEFAULT_TOKEN);
        for (int n = 1; n <= ACTIVITIES; n++) {
            pipedrive.activities.add(activity(n));
        }
        pipedrive.lastChange = pipedrive.activities.stream().map(Activity::updateTime).max(Comparator.naturalOrder()).orElseThrow();
        return pipedrive;
    }

    /** How many activities there are. */
    public synchronized int activityCount() {
        return activities.size();
    }

    /** Renames an activity; its {@code update_time} becomes now (at least a second after the last change). */
    public synchronized void updateActivity(long id, String subject) {
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (a.id() == id) {
                activities.set(i, new Activity(a.id(), subject, a.type(), a.ownerId(), a.dealId(), a.personId(), a.orgId(), a.dueDate(),
                        a.dueTime(), a.duration(), a.done(), a.note(), a.addTime(), nextStamp()));
                return;
            }
        }
        throw new IllegalArgumentException("no activity " + id);
    }

    /** Adds an activity, added and updated now; returns its id. */
    public synchronized long addActivity(String subject) {
        Instant now = nextStamp();
        long id = activities.size() + 1;
        activities.add(new Activity(id, subject, "task", 17, null, null, null, null, null, null, false, null, now, now));
        return id;
    }

    // ---- handler

    private synchronized FakeResponse list(FakeRequest request) {
        int limit = Math.min(intParam(request.queryParam("limit"), 100), MAX_LIMIT);
        String sortBy = request.queryParam("sort_by").orElse("id");
        boolean desc = request.queryParam("sort_direction").orElse("asc").equals("desc");
        Instant since;
        Instant until;
        try {
            since = request.queryParam("updated_since").map(Instant::parse).orElse(null);
            until = request.queryParam("updated_until").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return badRequest("Validation failed: updated_since: Must be a RFC3339 datetime");
        }
        Comparator<Activity> order = switch (sortBy) {
            case "update_time" -> Comparator.comparing(Activity::updateTime);
            case "add_time" -> Comparator.comparing(Activity::addTime);
            case "id" -> Comparator.comparing((Activity a) -> 0);
            default -> null;
        };
        if (order == null) {
            return badRequest("Validation failed: sort_by: Must be one of id, update_time, add_time");
        }
        order = order.thenComparingLong(Activity::id);
        if (desc) {
            order = order.reversed();
        }
        List<Activity> matching = activities.stream()
                .filter(a -> since == null || !a.updateTime().isBefore(since))
                .filter(a -> until == null || a.updateTime().isBefore(until))
                .sorted(order)
                .toList();
        int from = 0;
        Optional<String> cursor = request.queryParam("cursor");
        if (cursor.isPresent()) {
            long lastId;
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
                if (!decoded.startsWith(sortBy + ":")) {
                    return badRequest("Invalid cursor");
                }
                lastId = Long.parseLong(decoded.substring(sortBy.length() + 1));
            } catch (IllegalArgumentException e) {
                return badRequest("Invalid cursor");
            }
            int at = 0;
            while (at < matching.size() && matching.get(at).id() != lastId) {
                at++;
            }
            from = Math.min(at + 1, matching.size());
        }
        int to = Math.min(from + limit, matching.size());
        ObjectNode body = NODES.objectNode().put("success", true);
        ArrayNode data = body.putArray("data");
        matching.subList(from, to).forEach(a -> data.add(json(a)));
        String next = to < matching.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString((sortBy + ":" + matching.get(to - 1).id()).getBytes(StandardCharsets.UTF_8))
                : null;
        body.putObject("additional_data").put("next_cursor", next);
        return FakeResponse.json(200, body);
    }

    private static ObjectNode json(Activity a) {
        ObjectNode json = NODES.objectNode();
        json.put("id", a.id());
        json.put("subject", a.subject());
        json.put("type", a.type());
        json.put("owner_id", a.ownerId());
        json.put("creator_user_id", a.ownerId());
        json.put("is_deleted", false);
        json.put("add_time", stamp(a.addTime()));
        json.put("update_time", stamp(a.updateTime()));
        putLong(json, "deal_id", a.dealId());
        json.putNull("lead_id");
        putLong(json, "person_id", a.personId());
        putLong(json, "org_id", a.orgId());
        json.putNull("project_id");
        json.put("due_date", a.dueDate());
        json.put("due_time", a.dueTime());
        json.put("duration", a.duration());
        json.put("busy", a.type().equals("meeting"));
        json.put("done", a.done());
        json.put("marked_as_done_time", a.done() ? stamp(a.updateTime()) : null);
        ArrayNode participants = json.putArray("participants");
        if (a.personId() != null) {
            participants.addObject().put("person_id", a.personId()).put("primary", true);
        }
        json.put("public_description", (String) null);
        json.put("priority", (String) null);
        json.put("note", a.note());
        return json;
    }

    private static void putLong(ObjectNode json, String field, Long value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }

    /** Pipedrive v2 writes RFC 3339 without fractions: 2024-01-01T10:00:00Z. */
    private static String stamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static FakeResponse badRequest(String message) {
        return FakeResponse.json(400, Map.of("success", false, "error", message, "code", "ERR_SCHEMA_VALIDATION_FAILED"));
    }

    private static Activity activity(int n) {
        Instant added = BASE_INSTANT.plus(Duration.ofHours(3L * n));
        Instant updated = added.plus(Duration.ofMinutes(n * 11L % 900));
        String type = TYPES.get(n % TYPES.size());
        boolean done = n % 3 != 0;
        return new Activity(n, VERBS.get(n % VERBS.size()) + " customer " + (n % 97 + 1), type, 10 + n % 4,
                n % 2 == 0 ? 500L + n % 60 : null, 7000L + n % 150, n % 5 == 0 ? null : 300L + n % 40,
                added.plus(Duration.ofDays(2)).toString().substring(0, 10), n % 4 == 0 ? null : String.format("%02d:%02d", 8 + n % 9, n % 2 * 30),
                type.equals("meeting") ? "01:00" : null, done, n % 7 == 0 ? "<p>Asked for a discount.</p>" : null, added, updated);
    }

    private Instant nextStamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusSeconds(1);
        return lastChange;
    }
}
