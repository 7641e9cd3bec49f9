package dev.nangojvm.bindings.store.h2;

import static dev.nangojvm.bindings.store.Json.arr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.sql.SqlRecordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    private static final RecordScope SCOPE = RecordScope.of("github", "conn-1");

    @TempDir
    Path dir;

    private static List<Integer> versions(H2Database db) {
        return db.inTransaction(c -> {
            List<Integer> result = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                while (rs.next()) {
                    result.add(rs.getInt(1));
                }
            }
            return result;
        });
    }

    @Test
    void aFileDatabaseIsCreatedOnFirstOpenAndMigratedOnlyOnce() {
        try (H2Database db = H2Database.open(dir)) {
            assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5);
            new SqlRecordStore(db).batchSave(SCOPE, "Issue", arr("[{'id':'1'}]"), 1, Instant.parse("2024-01-01T00:00:00Z"), l -> { });
        }
        assertThat(Files.exists(dir.resolve(H2Database.FILE_NAME + ".mv.db"))).isTrue();

        try (H2Database db = H2Database.open(dir)) {
            assertThat(versions(db)).containsExactly(1, 2, 3, 4, 5);
            assertThat(new SqlRecordStore(db).list(SCOPE, "Issue", RecordQuery.defaults()).records()).hasSize(1);
        }
    }

    @Test
    void timestampsAfterAReopenStayLaterThanStoredOnesEvenIfTheClockWentBack() {
        Instant late = Instant.parse("2030-01-01T00:00:00Z");
        try (H2Database db = H2Database.open(dir)) {
            new SqlRecordStore(db).batchSave(SCOPE, "Issue", arr("[{'id':'1'}]"), 1, late, l -> { });
        }
        try (H2Database db = H2Database.open(dir)) {
            SqlRecordStore store = new SqlRecordStore(db);
            store.batchSave(SCOPE, "Issue", arr("[{'id':'2'}]"), 2, Instant.parse("2024-01-01T00:00:00Z"), l -> { });
            assertThat(store.list(SCOPE, "Issue", RecordQuery.defaults()).records())
                    .extracting(r -> r.get("_nango_metadata").get("last_modified_at").asText())
                    .containsExactly("2030-01-01T00:00:00+00:00", "2030-01-01T00:00:00.000001+00:00");
        }
    }

}
