package dev.nangojvm.bindings.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nangojvm.bindings.store.StoreKind;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationStepsTest {
    @Test
    void stepVersionsAreUniqueAndAscending() {
        List<Integer> declared = Migrations.STEPS.stream().map(Migrations.Step::version).toList();
        assertThat(declared).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void reopeningAMigratedDatabaseAppliesNothing(StoreKind kind) {
        try (SqlStores stores = kind.open(Clock.systemUTC())) {
            assertThat(stores.database().inTransaction(Migrations::apply)).isZero();
            assertThat(stores.database().inTransaction(Migrations::currentVersion)).isEqualTo(Migrations.STEPS.getLast().version());
        }
    }
}
