package dev.nangojvm.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loopback fake of HubSpot's CRM v3 API for three object types ({@code contacts}, {@code companies},
 * {@code deals}), for the configuration-based sync sample.
 *
 * <ul>
 *   <li>{@code GET /crm/v3/properties/{objectType}}: {@code {"results": [property, ...]}}, every
 *       property of the object (not paginated), hidden ones included as HubSpot does.</li>
 *   <li>{@code GET /crm/v3/objects/{objectType}} with {@code limit} (default 10, at most 100),
 *       {@code after} (an opaque cursor from {@code paging.next.after}), {@code properties}
 *       (comma-separated; unknown names are ignored; without it, the object's default properties)
 *       and {@code archived}. Each result has {@code id}, {@code properties} (string values or null;
 *       {@code hs_object_id}, {@code createdate} and the last-modified property are always there),
 *       {@code createdAt}, {@code updatedAt}, {@code archived}.</li>
 * </ul>
 * Every request needs {@code Authorization: Bearer <token>}, else 401 with HubSpot's error body.
 * Unknown object types answer 400, a bad {@code after} 400.
 *
 * <p>Deterministic data: {@value #CONTACTS} contacts, {@value #COMPANIES} companies, {@value #DEALS}
 * deals; record {@code n} is created {@code n} hours after {@link #BASE_INSTANT}. Test hooks:
 * {@link #updateProperty}, {@link #archive}.
 */
public final class FakeHubspotServer extends FakeApiServer {

    public static final String DEFAULT_TOKEN = "hubspot-fake-access-token";
    public static final int CONTACTS = 230;
    public static final int COMPANIES = 40;
    public static final int DEALS = 120;
    public static final Instant BASE_INSTANT = Instant.parse("2023-06-01T09:00:00Z");
    public static final int MAX_LIMIT = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Niklaus");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Wirth");
    private static final List<String> LIFECYCLE = List.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer");
    private static final List<String> INDUSTRIES = List.of("COMPUTER_SOFTWARE", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "RETAIL", "EDUCATION_MANAGEMENT");
    private static final List<String> STAGES = List.of("appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon", "closedlost");

    /** One property definition. */
    private record Property(String name, String label, String type, String fieldType, String group, boolean hidden, boolean readOnly, List<String> options) {}

    /** One CRM object type: its properties, default properties, last-modified property and records. */
    private static final class ObjectType {
        final String name;
        final List<Property> properties;
        final List<String> defaults;
        final String modifiedProperty;
        final List<Map<String, String>> records = new ArrayList<>();
        final Set<String> archived = new LinkedHashSet<>();

        ObjectType(String name, List<Property> properties, List<String> defaults, String modifiedProperty) {
            this.name = name;
            this.properties = properties;
            this.defaults = defaults;
            this.modifiedProperty = modifiedProperty;
        }

        boolean has(String property) {
            return properties.stream().anyMatch(p -> p.name().equals(property));
        }
    }

    private final Map<String, ObjectType> objects = new LinkedHashMap<>();
    private Instant lastChange;

    private FakeHubspotServer(String token) {
        super(token);
        seed();
        serve(FakeProviderServer.builder()
                        .get("/crm/v3/properties/{objectType}", this::properties)
                        .get("/crm/v3/objects/{objectType}", this::list)
                        .notFound(request -> FakeResponse.json(404, error("Resource not found", "OBJECT_NOT_FOUND"))),
                request -> unauthorized());
    }

    /** A started server with the default data, accepting {@link #DEFAULT_TOKEN}. Close it after use. */
    public static FakeHubspotServer start() {
        return new FakeHubspotServer(DEFAULT_TOKEN);
    }

    /**
     * Sets one property of a record (by object type and id) and moves its last-modified time to now
     * (at least one second after the previous change).
     */
    public synchronized void updateProperty(String objectType, String id, String property, String value) {
        ObjectType type = require(objectType);
        Map<String, String> record = type.records.stream().filter(r -> r.get("hs_object_id").equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + objectType + " with id " + id));
        Instant now = Instant.now();
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusSeconds(1);
        record.put(property, value);
        record.put(type.modifiedProperty, lastChange.toString());
    }

    /** Archives (soft-deletes) a record: it leaves the default list, as in HubSpot. */
    public synchronized void archive(String objectType, String id) {
        require(objectType).archived.add(id);
    }

    /** The ids of an object type's live records, in list order. */
    public synchronized List<String> ids(String objectType) {
        ObjectType type = require(objectType);
        return type.records.stream().map(r -> r.get("hs_object_id")).filter(id -> !type.archived.contains(id)).toList();
    }

    // ---- handlers

    private synchronized FakeResponse properties(FakeRequest request) {
        ObjectType type = objects.get(request.pathParam("objectType"));
        if (type == null) {
            return unknownObject(request.pathParam("objectType"));
        }
        ObjectNode body = NODES.objectNode();
        ArrayNode results = body.putArray("results");
        for (Property p : type.properties) {
            ObjectNode json = results.addObject();
            json.put("updatedAt", "2023-05-01T12:00:00.000Z");
            json.put("createdAt", "2019-08-06T02:41:52.000Z");
            json.put("name", p.name());
            json.put("label", p.label());
            json.put("type", p.type());
            json.put("fieldType", p.fieldType());
            json.put("description", p.label() + " of the " + type.name.substring(0, type.name.length() - 1) + ".");
            json.put("groupName", p.group());
            ArrayNode options = json.putArray("options");
            for (int i = 0; i < p.options().size(); i++) {
                String value = p.options().get(i);
                options.addObject().put("label", label(value)).put("value", value).put("displayOrder", i).put("hidden", false);
            }
            json.put("displayOrder", -1);
            json.put("calculated", false);
            json.put("externalOptions", false);
            json.put("hasUniqueValue", p.name().equals("hs_object_id"));
            json.put("hidden", p.hidden());
            json.put("hubspotDefined", !p.name().equals("favorite_color"));
            json.putObject("modificationMetadata").put("archivable", true).put("readOnlyDefinition", true).put("readOnlyValue", p.readOnly());
            json.put("formField", !p.readOnly() && !p.hidden());
        }
        return FakeResponse.json(200, body);
    }

    private synchronized FakeResponse list(FakeRequest request) {
        ObjectType type = objects.get(request.pathParam("objectType"));
        if (type == null) {
            return unknownObject(request.pathParam("objectType"));
        }
        int limit = Math.min(intParam(request.queryParam("limit"), 10), MAX_LIMIT);
        int from = 0;
        Optional<String> after = request.queryParam("after");
        if (after.isPresent()) {
            try {
                from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(after.get()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return FakeResponse.json(400, error("Invalid input JSON : Cannot build PublicObjectListRequest, the 'after' cursor is invalid", "VALIDATION_ERROR"));
            }
        }
        List<String> wanted = request.queryParam("properties")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(type.defaults);
        Set<String> returned = new LinkedHashSet<>();
        wanted.stream().filter(type::has).forEach(returned::add);
        returned.add("createdate");
        returned.add(type.modifiedProperty);
        returned.add("hs_object_id");

        List<Map<String, String>> live = type.records.stream().filter(r -> !type.archived.contains(r.get("hs_object_id"))).toList();
        ObjectNode body = NODES.objectNode();
        ArrayNode results = body.putArray("results");
        int to = Math.min(from + limit, live.size());
        for (Map<String, String> record : live.subList(Math.min(from, live.size()), to)) {
            ObjectNode json = results.addObject();
            json.put("id", record.get("hs_object_id"));
            ObjectNode properties = json.putObject("properties");
            returned.forEach(name -> properties.put(name, record.get(name)));
            json.put("createdAt", record.get("createdate"));
            json.put("updatedAt", record.get(type.modifiedProperty));
            json.put("archived", false);
        }
        if (to < live.size()) {
            String next = Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8));
            body.putObject("paging").putObject("next")
                    .put("after", next)
                    .put("link", request.baseUrl() + request.path() + "?after=" + next);
        }
        return FakeResponse.json(200, body);
    }

    // ---- data

    private void seed() {
        ObjectType contacts = new ObjectType("contacts", List.of(
                property("email", "Email", "string", "text", "contactinformation"),
                property("firstname", "First Name", "string", "text", "contactinformation"),
                property("lastname", "Last Name", "string", "text", "contactinformation"),
                property("phone", "Phone Number", "string", "phonenumber", "contactinformation"),
                property("company", "Company Name", "string", "text", "contactinformation"),
                new Property("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation", false, false, LIFECYCLE),
                property("favorite_color", "Favorite color", "string", "text", "contactinformation"),
                readOnly("hs_object_id", "Record ID", "number", "number"),
                readOnly("createdate", "Create Date", "datetime", "date"),
                readOnly("lastmodifieddate", "Last Modified Date", "datetime", "date"),
                new Property("hs_searchable_calculated_phone_number", "Calculated Phone Number", "string", "text", "contactinformation", true, true, List.of())),
                List.of("firstname", "lastname", "email"), "lastmodifieddate");
        for (int n = 1; n <= CONTACTS; n++) {
            String first = FIRST.get(n % FIRST.size());
            String last = LAST.get((n / FIRST.size()) % LAST.size());
            Map<String, String> r = record(1000 + n, n, "lastmodifieddate");
            r.put("firstname", first);
            r.put("lastname", last);
            r.put("email", (first + "." + last + n + "@example.com").toLowerCase());
            r.put("phone", n % 4 == 0 ? null : "+1 555 01" + String.format("%02d", n % 100));
            r.put("company", "Company " + (n % COMPANIES + 1));
            r.put("lifecyclestage", LIFECYCLE.get(n % LIFECYCLE.size()));
            r.put("favorite_color", n % 3 == 0 ? "blue" : null);
            contacts.records.add(r);
        }
        ObjectType companies = new ObjectType("companies", List.of(
                property("name", "Company name", "string", "text", "companyinformation"),
                property("domain", "Company Domain Name", "string", "text", "companyinformation"),
                new Property("industry", "Industry", "enumeration", "select", "companyinformation", false, false, INDUSTRIES),
                property("city", "City", "string", "text", "companyinformation"),
                property("numberofemployees", "Number of Employees", "number", "number", "companyinformation"),
                readOnly("hs_object_id", "Record ID", "number", "number"),
                readOnly("createdate", "Create Date", "datetime", "date"),
                readOnly("hs_lastmodifieddate", "Last Modified Date", "datetime", "date")),
                List.of("name", "domain"), "hs_lastmodifieddate");
        for (int n = 1; n <= COMPANIES; n++) {
            Map<String, String> r = record(5000 + n, n, "hs_lastmodifieddate");
            r.put("name", "Company " + n);
            r.put("domain", "company" + n + ".example.com");
            r.put("industry", INDUSTRIES.get(n % INDUSTRIES.size()));
            r.put("city", List.of("Berlin", "Lisbon", "Toronto", "Osaka").get(n % 4));
            r.put("numberofemployees", Integer.toString(10 * n));
            companies.records.add(r);
        }
        ObjectType deals = new ObjectType("deals", List.of(
                property("dealname", "Deal Name", "string", "text", "dealinformation"),
                property("amount", "Amount", "number", "number", "dealinformation"),
                new Property("dealstage", "Deal Stage", "enumeration", "radio", "dealinformation", false, false, STAGES),
                property("pipeline", "Pipeline", "enumeration", "select", "dealinformation"),
                property("closedate", "Close Date", "datetime", "date", "dealinformation"),
                readOnly("hs_object_id", "Record ID", "number", "number"),
                readOnly("createdate", "Create Date", "datetime", "date"),
                readOnly("hs_lastmodifieddate", "Last Modified Date", "datetime", "date")),
                List.of("dealname", "amount", "dealstage", "pipeline", "closedate"), "hs_lastmodifieddate");
        for (int n = 1; n <= DEALS; n++) {
            Map<String, String> r = record(9000 + n, n, "hs_lastmodifieddate");
            r.put("dealname", "Deal " + n + " for Company " + (n % COMPANIES + 1));
            r.put("amount", Integer.toString(500 * (n % 17 + 1)));
            r.put("dealstage", STAGES.get(n % STAGES.size()));
            r.put("pipeline", "default");
            r.put("closedate", BASE_INSTANT.plus(Duration.ofDays(30 + n)).toString());
            deals.records.add(r);
        }
        objects.put("contacts", contacts);
        objects.put("companies", companies);
        objects.put("deals", deals);
        lastChange = BASE_INSTANT.plus(Duration.ofDays(365));
    }

    private static Map<String, String> record(long id, int n, String modifiedProperty) {
        Instant created = BASE_INSTANT.plus(Duration.ofHours(n));
        Map<String, String> r = new LinkedHashMap<>();
        r.put("hs_object_id", Long.toString(id));
        r.put("createdate", millis(created));
        r.put(modifiedProperty, millis(created.plus(Duration.ofHours(n * 13L % 100))));
        return r;
    }

    private static String millis(Instant instant) {
        // HubSpot writes milliseconds: 2023-06-01T10:00:00.000Z
        String text = instant.toString();
        return text.endsWith("Z") && text.length() == 20 ? text.substring(0, 19) + ".000Z" : text;
    }

    private static Property property(String name, String label, String type, String fieldType, String group) {
        return new Property(name, label, type, fieldType, group, false, false, List.of());
    }

    private static Property readOnly(String name, String label, String type, String fieldType) {
        return new Property(name, label, type, fieldType, "system", false, true, List.of());
    }

    private static String label(String value) {
        return value.substring(0, 1).toUpperCase() + value.substring(1).replace('_', ' ').toLowerCase();
    }

    private ObjectType require(String objectType) {
        ObjectType type = objects.get(objectType);
        if (type == null) {
            throw new IllegalArgumentException("the fake HubSpot has no object type " + objectType + "; it has " + objects.keySet());
        }
        return type;
    }

    private static FakeResponse unknownObject(String objectType) {
        return FakeResponse.json(400, error("Unable to infer object type from: " + objectType, "VALIDATION_ERROR"));
    }

    private static FakeResponse unauthorized() {
        return FakeResponse.json(401, error("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                "INVALID_AUTHENTICATION"));
    }

    private static ObjectNode error(String message, String category) {
        return NODES.objectNode().put("status", "error").put("message", message)
                .put("correlationId", "00000000-0000-4000-8000-000000000000").put("category", category);
    }
}
