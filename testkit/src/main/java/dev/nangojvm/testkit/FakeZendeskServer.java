package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A loopback fake of Zendesk Support's search API for tickets, for the window-time-based sync sample.
 *
 * <ul>
 *   <li>{@code GET /api/v2/search.json} with {@code query}, {@code sort_by} ({@code created_at},
 *       {@code updated_at}), {@code sort_order} ({@code asc}, {@code desc}), {@code per_page}
 *       (default and maximum 100) and {@code page}: {@code {results, facets, next_page,
 *       previous_page, count}}; {@code next_page} is an absolute URL. Like Zendesk, it serves at most
 *       {@value #RESULT_LIMIT} results per query: a page beyond them answers 422.</li>
 *   <li>{@code GET /api/v2/search/count} with {@code query}: {@code {"count": n}}.</li>
 * </ul>
 * The query language understood: {@code type:ticket} and {@code created} / {@code updated}
 * compared with {@code >} or {@code <} to a date ({@code 2024-03-01}: whole days, as in Zendesk)
 * or an ISO 8601 date-time ({@code 2024-03-01T00:00:00Z}); terms are ANDed. Anything else answers
 * 400, so a script cannot rely on search syntax the fake ignores.
 *
 * <p>Deterministic data ({@link #withDefaultTickets()}): tickets created from January to June 2024,
 * {@value #TICKETS_PER_MONTH} a month, except March with {@value #BUSY_MONTH_TICKETS} (more than one
 * query may return); ids in creation order from 1. Test hooks: {@link #updateTicket},
 * {@link #createTicket}, {@link #queries}.
 */
public final class FakeZendeskServer extends FakeApiServer {

    public static final String DEFAULT_TOKEN = "zendesk-fake-access-token";
    public static final int RESULT_LIMIT = 1000;
    public static final int MAX_PER_PAGE = 100;
    public static final int TICKETS_PER_MONTH = 40;
    public static final int BUSY_MONTH_TICKETS = 1150;
    public static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2024, 6);
    public static final YearMonth BUSY_MONTH = YearMonth.of(2024, 3);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    private static final List<String> TYPES = List.of("question", "incident", "problem", "task");
    private static final List<String> TOPICS = List.of("Cannot log in", "Invoice is wrong", "Export fails", "Feature request: dark mode",
            "Password reset email never arrives", "Slow dashboard", "Refund request");

    /** One ticket; {@code type} and {@code priority} may be null, as in Zendesk. */
    public record Ticket(long id, String subject, String status, String priority, String type, long requesterId, Long assigneeId,
                         List<String> tags, Instant createdAt, Instant updatedAt) {}

    private final List<Ticket> tickets = new ArrayList<>();
    private Instant lastChange = Instant.EPOCH;

    private FakeZendeskServer(String token) {
        super(token);
        serve(FakeProviderServer.builder()
                        .get("/api/v2/search.json", this::search)
                        .get("/api/v2/search/count", this::count)
                        .notFound(request -> FakeResponse.json(404, Map.of("error", "InvalidEndpoint", "description", "Not found"))),
                request -> FakeResponse.json(401, Map.of("error", "Couldn't authenticate you")));
    }

    /** A started server with the default tickets (see the class comment). Close it after use. */
    public static FakeZendeskServer withDefaultTickets() {
        FakeZendeskServer zendesk = new FakeZendeskServer(DEFAULT_TOKEN);
        zendesk.seed();
        return zendesk;
    }

    /** How many tickets the server holds. */
    public synchronized int ticketCount() {
        return tickets.size();
    }

    /** Renames a ticket and moves its {@code updated_at} to now (at least a second after the last change). */
    public synchronized Ticket updateTicket(long id, String subject) {
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            if (t.id() == id) {
                Ticket updated = new Ticket(t.id(), subject, t.status(), t.priority(), t.type(), t.requesterId(), t.assigneeId(), t.tags(),
                        t.createdAt(), nextStamp());
                tickets.set(i, updated);
                return updated;
            }
        }
        throw new IllegalArgumentException("no ticket " + id);
    }

    /** Opens a new ticket, created and updated now. */
    public synchronized Ticket createTicket(String subject) {
        Instant now = nextStamp();
        Ticket created = new Ticket(tickets.size() + 1, subject, "new", null, null, 900_001, null, List.of(), now, now);
        tickets.add(created);
        return created;
    }

    /** The {@code query} parameter of every search and count request so far, in order. */
    public List<String> queries(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).map(r -> r.queryParam("query").orElse("")).toList();
    }

    // ---- handlers

    private synchronized FakeResponse search(FakeRequest request) {
        Predicate<Ticket> filter;
        try {
            filter = parse(request.queryParam("query").orElse(""));
        } catch (IllegalArgumentException e) {
            return invalidSearch(e.getMessage());
        }
        String sortBy = request.queryParam("sort_by").orElse("relevance");
        Comparator<Ticket> order = switch (sortBy) {
            case "created_at" -> Comparator.comparing(Ticket::createdAt);
            case "updated_at" -> Comparator.comparing(Ticket::updatedAt);
            default -> Comparator.comparing((Ticket t) -> 0);
        };
        order = order.thenComparingLong(Ticket::id);
        if (request.queryParam("sort_order").orElse("desc").equals("desc")) {
            order = order.reversed();
        }
        int perPage = Math.min(intParam(request.queryParam("per_page"), MAX_PER_PAGE), MAX_PER_PAGE);
        int page = intParam(request.queryParam("page"), 1);
        if ((long) page * perPage > RESULT_LIMIT) {
            return FakeResponse.json(422, Map.of("error", "invalid", "description",
                    "Invalid search: Requested response size was greater than Search Response Limits"));
        }
        List<Ticket> matching = tickets.stream().filter(filter).sorted(order).toList();
        int from = Math.min((page - 1) * perPage, matching.size());
        int to = Math.min(from + perPage, matching.size());
        ObjectNode body = NODES.objectNode();
        ArrayNode results = body.putArray("results");
        matching.subList(from, to).forEach(t -> results.add(json(t, request.baseUrl())));
        body.putNull("facets");
        boolean more = to < Math.min(matching.size(), RESULT_LIMIT);
        body.put("next_page", more ? pageUrl(request, page + 1) : null);
        body.put("previous_page", page > 1 ? pageUrl(request, page - 1) : null);
        body.put("count", matching.size());
        return FakeResponse.json(200, body);
    }

    private synchronized FakeResponse count(FakeRequest request) {
        try {
            Predicate<Ticket> filter = parse(request.queryParam("query").orElse(""));
            return FakeResponse.json(200, Map.of("count", tickets.stream().filter(filter).count()));
        } catch (IllegalArgumentException e) {
            return invalidSearch(e.getMessage());
        }
    }

    /** Parses the subset of Zendesk's search language described in the class comment. */
    private static Predicate<Ticket> parse(String query) {
        Predicate<Ticket> all = t -> true;
        boolean typed = false;
        for (String term : query.trim().split("\\s+")) {
            if (term.isEmpty()) {
                continue;
            }
            if (term.equals("type:ticket")) {
                typed = true;
                continue;
            }
            int op = Math.max(term.indexOf('>'), term.indexOf('<'));
            String field = op < 0 ? "" : term.substring(0, op);
            if (op < 0 || !(field.equals("created") || field.equals("updated")) || term.startsWith("=", op + 1)) {
                throw new IllegalArgumentException("the fake Zendesk does not understand the search term '" + term + "'");
            }
            boolean greater = term.charAt(op) == '>';
            String value = term.substring(op + 1);
            // A date compares by whole days: created>2024-01-31 is "from 2024-02-01 on", created<2024-02-01 "until 2024-01-31".
            Instant bound;
            try {
                if (value.length() == 10) {
                    LocalDate day = LocalDate.parse(value);
                    bound = (greater ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
                } else {
                    bound = Instant.parse(value);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("the fake Zendesk cannot read the date in '" + term + "'");
            }
            boolean dayBound = value.length() == 10;
            Predicate<Ticket> term1 = t -> {
                Instant at = field.equals("created") ? t.createdAt() : t.updatedAt();
                return greater ? (dayBound ? !at.isBefore(bound) : at.isAfter(bound)) : at.isBefore(bound);
            };
            all = all.and(term1);
        }
        if (!typed) {
            throw new IllegalArgumentException("the fake Zendesk only searches tickets: add type:ticket");
        }
        return all;
    }

    private static String pageUrl(FakeRequest request, int page) {
        String others = request.query().entrySet().stream()
                .filter(e -> !e.getKey().equals("page"))
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return request.baseUrl() + request.path() + "?" + (others.isEmpty() ? "" : others + "&") + "page=" + page;
    }

    private static ObjectNode json(Ticket t, String baseUrl) {
        ObjectNode json = NODES.objectNode();
        json.put("url", baseUrl + "/api/v2/tickets/" + t.id() + ".json");
        json.put("id", t.id());
        json.putNull("external_id");
        json.put("type", t.type());
        json.put("subject", t.subject());
        json.put("raw_subject", t.subject());
        json.put("description", "Ticket " + t.id() + ": " + t.subject() + ".");
        json.put("priority", t.priority());
        json.put("status", t.status());
        json.put("requester_id", t.requesterId());
        json.put("submitter_id", t.requesterId());
        if (t.assigneeId() == null) {
            json.putNull("assignee_id");
        } else {
            json.put("assignee_id", t.assigneeId());
        }
        json.put("organization_id", 360_000_001L);
        json.put("group_id", 360_000_101L);
        ArrayNode tags = json.putArray("tags");
        t.tags().forEach(tags::add);
        json.put("created_at", t.createdAt().toString());
        json.put("updated_at", t.updatedAt().toString());
        json.put("result_type", "ticket");
        return json;
    }

    private static FakeResponse invalidSearch(String description) {
        return FakeResponse.json(400, Map.of("error", "unavailable", "description", description));
    }

    // ---- data

    private void seed() {
        for (YearMonth month = FIRST_MONTH; !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
            int count = month.equals(BUSY_MONTH) ? BUSY_MONTH_TICKETS : TICKETS_PER_MONTH;
            Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            long seconds = Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toSeconds();
            for (int i = 0; i < count; i++) {
                long n = tickets.size() + 1;
                // Spread evenly over the month, the first one at midnight on the 1st (a window's first second).
                Instant created = start.plusSeconds(seconds * i / count);
                Instant updated = created.plus(Duration.ofMinutes(n * 17 % 600));
                tickets.add(new Ticket(n, TOPICS.get((int) (n % TOPICS.size())) + " (#" + n + ")", STATUSES.get((int) (n % STATUSES.size())),
                        n % 5 == 0 ? null : PRIORITIES.get((int) (n % PRIORITIES.size())), n % 6 == 0 ? null : TYPES.get((int) (n % TYPES.size())),
                        900_000L + n % 50, n % 3 == 0 ? null : 800_000L + n % 7, n % 4 == 0 ? List.of("billing", "vip") : List.of("support"),
                        created, updated));
            }
        }
        lastChange = tickets.stream().map(Ticket::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private Instant nextStamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusSeconds(1);
        return lastChange;
    }
}
