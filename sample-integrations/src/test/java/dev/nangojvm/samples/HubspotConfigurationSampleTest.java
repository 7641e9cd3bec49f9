package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.testkit.FakeHubspotServer;
import dev.nangojvm.testkit.FakeRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The configuration-based sync pattern: {@code hubspot/list-fields} lists the fields a user can
 * pick, {@code hubspot/configured-objects} copies exactly the fields the metadata names. Steps
 * build on each other, in the order of the README's walkthrough.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubspotConfigurationSampleTest {
    static final String SYNC = "configured-objects";
    static final List<String> MODELS = List.of("CrmRecord");

    static FakeHubspotServer hubspot;
    static PatternHarness harness;

    @BeforeAll
    static void start() {
        hubspot = FakeHubspotServer.start();
        harness = new PatternHarness("hubspot", hubspot.baseUrl(), hubspot.token(), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
        hubspot.close();
    }

    static ExecutionResult sync() {
        return harness.runSync(SYNC, MODELS, "full", true);
    }

    @Test
    @Order(1)
    @DisplayName("the sync refuses to run without a field configuration, and says how to make one")
    void noMetadataIsAClearError() {
        ExecutionResult result = sync();
        assertThat(result.error()).isNotNull();
        assertThat(result.error().message()).contains("the connection metadata must be { objects: [{ object, fields }] }")
                .contains("list-fields action");
        assertThat(hubspot.requests()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("list-fields returns the visible properties of an object type, with enumeration options")
    void listFieldsReturnsTheChoices() {
        ExecutionResult result = harness.runAction("list-fields", "{\"object\":\"contacts\"}");
        assertThat(result.error()).isNull();
        JsonNode output = result.output();
        assertThat(output.path("object").asText()).isEqualTo("contacts");
        List<String> names = new ArrayList<>();
        output.path("fields").forEach(f -> names.add(f.path("name").asText()));
        assertThat(names).contains("email", "firstname", "lifecyclestage", "favorite_color", "hs_object_id")
                .doesNotContain("hs_searchable_calculated_phone_number");
        JsonNode lifecycle = field(output, "lifecyclestage");
        assertThat(lifecycle.path("type").asText()).isEqualTo("enumeration");
        assertThat(lifecycle.path("options")).hasSize(6);
        assertThat(lifecycle.path("options").get(0).path("value").asText()).isEqualTo("subscriber");
        assertThat(field(output, "hs_object_id").path("read_only").asBoolean()).isTrue();
        assertThat(field(output, "email").path("read_only").asBoolean()).isFalse();
        assertThat(hubspot.requestCount("GET", "/crm/v3/properties/contacts")).isEqualTo(1);
    }

    @Test
    @Order(3)
    @DisplayName("list-fields refuses an object type it does not know, before any request")
    void listFieldsValidatesItsInput() {
        hubspot.clearRequests();
        ExecutionResult result = harness.runAction("list-fields", "{\"object\":\"tickets\"}");
        assertThat(result.error().code()).isEqualTo("action_script_runtime_error");
        assertThat(result.error().payload().path("message").asText()).isEqualTo("Invalid input provided");
        assertThat(hubspot.requests()).isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("the sync copies exactly the configured fields of each configured object type")
    void syncCopiesTheConfiguredFields() {
        harness.setMetadata("""
                {"objects": [
                  {"object": "contacts", "fields": ["email", "firstname", "lifecyclestage", "phone"]},
                  {"object": "deals", "fields": ["dealname", "amount"]}
                ]}""");
        hubspot.clearRequests();

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().added()).isEqualTo(FakeHubspotServer.CONTACTS + FakeHubspotServer.DEALS);
        // 230 contacts at 100 a page, 120 deals: 3 + 2 pages, each asking for the configured properties only.
        List<FakeRequest> contactPages = get("/crm/v3/objects/contacts");
        assertThat(contactPages).hasSize(3);
        assertThat(contactPages).allSatisfy(r -> {
            assertThat(r.queryParam("properties")).hasValue("email,firstname,lifecyclestage,phone");
            assertThat(r.queryParam("limit")).hasValue("100");
        });
        assertThat(contactPages.get(1).queryParam("after")).isPresent();
        assertThat(get("/crm/v3/objects/deals")).hasSize(2);
        assertThat(get("/crm/v3/objects/companies")).isEmpty();

        ObjectNode contact = record("contacts:1004");
        assertThat(contact.path("object").asText()).isEqualTo("contacts");
        assertThat(contact.path("hubspot_id").asText()).isEqualTo("1004");
        assertThat(fieldNames(contact.path("fields"))).containsExactly("email", "firstname", "lifecyclestage", "phone");
        assertThat(contact.path("fields").path("firstname").asText()).isEqualTo("Barbara");
        // Contact 1004 has no phone: null, not missing, so every record has the same keys.
        assertThat(contact.path("fields").has("phone")).isTrue();
        assertThat(contact.path("fields").path("phone").isNull()).isTrue();
        assertThat(fieldNames(record("deals:9001").path("fields"))).containsExactly("dealname", "amount");
    }

    @Test
    @Order(5)
    @DisplayName("changing the configuration changes the records: new fields are updates, dropped objects are deleted")
    void reconfiguringUpdatesAndDeletes() {
        harness.setMetadata("""
                {"objects": [{"object": "contacts", "fields": ["email", "firstname", "lifecyclestage", "phone", "company"]}]}""");

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().updated()).isEqualTo(FakeHubspotServer.CONTACTS);
        assertThat(result.syncSummary().total().deleted()).isEqualTo(FakeHubspotServer.DEALS);
        assertThat(record("contacts:1004").path("fields").path("company").asText()).isEqualTo("Company 5");
        assertThat(record("deals:9001").path("_nango_metadata").path("last_action").asText()).isEqualTo("DELETED");
    }

    @Test
    @Order(6)
    @DisplayName("a misspelt field is left out of the request and reported as a warning")
    void unknownFieldsAreWarnedAbout() {
        harness.setMetadata("""
                {"objects": [{"object": "contacts", "fields": ["email", "firstname", "lifecyclestage", "phone", "company", "favourite_colour"]}]}""");
        hubspot.clearRequests();
        harness.logs.clear();

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(result.syncSummary().total().updated()).isZero();
        assertThat(harness.messages("warn")).anySatisfy(m -> assertThat(m).startsWith("Ignoring favourite_colour: HubSpot has no such contacts property."));
        assertThat(get("/crm/v3/objects/contacts")).allSatisfy(r ->
                assertThat(r.queryParam("properties")).hasValue("email,firstname,lifecyclestage,phone,company"));
    }

    @Test
    @Order(7)
    @DisplayName("a record archived in HubSpot is deleted by the next full run")
    void archivedRecordsAreDeleted() {
        hubspot.archive("contacts", "1010");
        hubspot.updateProperty("contacts", "1011", "firstname", "Renamed");

        ExecutionResult result = sync();

        assertThat(result.syncSummary().total().deleted()).isEqualTo(1);
        assertThat(result.syncSummary().total().updated()).isEqualTo(1);
        assertThat(record("contacts:1010").path("_nango_metadata").path("last_action").asText()).isEqualTo("DELETED");
        assertThat(record("contacts:1011").path("fields").path("firstname").asText()).isEqualTo("Renamed");
    }

    private static List<FakeRequest> get(String path) {
        return hubspot.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).toList();
    }

    private static ObjectNode record(String id) {
        return harness.records("CrmRecord").stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private static JsonNode field(JsonNode list, String name) {
        for (JsonNode f : list.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
