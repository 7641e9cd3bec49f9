package dev.nangojvm.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.host.ExecutionResult;
import dev.nangojvm.testkit.FakeBoxServer;
import dev.nangojvm.testkit.FakeRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The selection-based sync pattern: {@code box/documents} copies the files of the folders and the
 * single files that the connection metadata selects, walking subfolders, in batches of 100.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoxSelectionSampleTest {
    static final String SYNC = "documents";

    static FakeBoxServer box;
    static PatternHarness harness;

    @BeforeAll
    static void start() {
        box = FakeBoxServer.withDefaultTree();
        harness = new PatternHarness("box", box.baseUrl(), box.token(), null);
    }

    @AfterAll
    static void stop() {
        harness.close();
        box.close();
    }

    static ExecutionResult sync() {
        return harness.runSync(SYNC, List.of("BoxDocument"), "full", true);
    }

    @Test
    @Order(1)
    @DisplayName("an empty selection is refused with a message saying what to select")
    void anEmptySelectionIsAnError() {
        harness.setMetadata("{\"folders\": [], \"files\": []}");
        ExecutionResult result = sync();
        assertThat(result.error().message()).contains("must select at least one file or folder");
        assertThat(box.requests()).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("a selected folder is walked to its deepest subfolder; selected files are added once; batches of 100")
    void foldersAreWalkedRecursivelyInBatchesOf100() {
        String welcome = box.fileId("welcome.pdf");
        String invoice7 = box.fileId("invoice-0007.pdf");
        // Finance (1001) holds Invoices (1,050 files), Reports (30 files + Archive with 12) and one file;
        // Reports is selected again on its own, invoice 7 is inside Finance, welcome.pdf is not.
        harness.setMetadata("{\"folders\": [\"1001\", \"1003\"], \"files\": [\"" + invoice7 + "\", \"" + welcome + "\"]}");

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        int expected = 1050 + 30 + 12 + 1 + 1;
        assertThat(result.syncSummary().total().added()).isEqualTo(expected);
        Set<String> expectedIds = new HashSet<>(box.fileIds("1001"));
        expectedIds.add(welcome);
        assertThat(harness.liveRecords("BoxDocument")).extracting(r -> r.path("id").asText()).containsExactlyInAnyOrderElementsOf(expectedIds);

        // Every batchSave call held 100 records, except the last one.
        List<Integer> sizes = harness.batchSaves.stream().map(Map.Entry::getValue).toList();
        assertThat(sizes).hasSize(11);
        assertThat(sizes.subList(0, 10)).containsOnly(100);
        assertThat(sizes.getLast()).isEqualTo(expected - 1000);

        // Invoices needs 2 pages of 1,000 (the marker of page 1 goes back as `marker`); each folder is listed once.
        List<FakeRequest> invoicePages = listings("1002");
        assertThat(invoicePages).hasSize(2);
        assertThat(invoicePages.getFirst().queryParam("limit")).hasValue("1000");
        assertThat(invoicePages.getFirst().queryParam("usemarker")).hasValue("true");
        assertThat(invoicePages.get(1).queryParam("marker")).isPresent();
        assertThat(listings("1001")).hasSize(1);
        assertThat(listings("1003")).hasSize(1);
        assertThat(listings("1004")).hasSize(1);
        // invoice 7 was found in its folder: no single-file request for it.
        assertThat(box.requestCount("GET", "/2.0/files/" + invoice7)).isZero();
        assertThat(box.requestCount("GET", "/2.0/files/" + welcome)).isEqualTo(1);
    }

    @Test
    @Order(3)
    @DisplayName("a record has the file's path below All Files, its folder, and the shared download URL when there is one")
    void recordsAreMapped() {
        ObjectNode archive5 = record(box.fileId("archive-05.docx"));
        assertThat(archive5.path("path").asText()).isEqualTo("/Finance/Reports/Archive/archive-05.docx");
        assertThat(archive5.path("folder_id").asText()).isEqualTo("1004");
        assertThat(archive5.path("download_url").asText()).startsWith("https://app.box.com/shared/static/").endsWith(".docx");
        assertThat(archive5.path("modified_at").asText()).isEqualTo("2024-02-01T12:05:00.000Z");
        ObjectNode welcome = record(box.fileId("welcome.pdf"));
        assertThat(welcome.path("path").asText()).isEqualTo("/welcome.pdf");
        assertThat(welcome.has("download_url")).isFalse();
    }

    @Test
    @Order(4)
    @DisplayName("a narrower selection deletes the files that left it; a trashed selected file is skipped with a warning")
    void narrowingTheSelectionDeletes() {
        String welcome = box.fileId("welcome.pdf");
        box.trash(welcome);
        harness.logs.clear();
        harness.setMetadata("{\"folders\": [\"1003\"], \"files\": [\"" + welcome + "\"]}");

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(harness.liveRecords("BoxDocument")).hasSize(30 + 12);
        assertThat(result.syncSummary().total().deleted()).isEqualTo(1050 + 1 + 1);
        assertThat(harness.messages("warn")).anySatisfy(m -> assertThat(m).startsWith("Selected file " + welcome + " was not found"));
    }

    @Test
    @Order(5)
    @DisplayName("a selected folder that is gone is skipped with a warning; the rest still syncs")
    void aMissingFolderIsSkipped() {
        harness.logs.clear();
        harness.setMetadata("{\"folders\": [\"1003\", \"999999\"]}");

        ExecutionResult result = sync();

        assertThat(result.error()).isNull();
        assertThat(harness.liveRecords("BoxDocument")).hasSize(42);
        assertThat(harness.messages("warn")).anySatisfy(m -> assertThat(m).startsWith("Selected folder 999999 was not found"));
    }

    private static List<FakeRequest> listings(String folderId) {
        return box.requests().stream().filter(r -> r.path().equals("/2.0/folders/" + folderId + "/items")).toList();
    }

    private static ObjectNode record(String id) {
        return harness.records("BoxDocument").stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
