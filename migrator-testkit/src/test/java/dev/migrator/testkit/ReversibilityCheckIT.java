package dev.migrator.testkit;

import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;
import dev.migrator.jdbc.JdbcTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reversibility check on H2, PostgreSQL and MariaDB: good sets pass, each kind of forgetful down fails. */
class ReversibilityCheckIT {
    private static final String STORIES = "classpath:db/reversibility/";
    private static final String ADA = "INSERT INTO customers (id, email) VALUES (1, 'ada@example.com')";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void goodSet_passes_andLeavesTheDatabaseFullyMigrated(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        String[] locations = kind == DatabaseKind.POSTGRESQL
                ? new String[]{STORIES + "good/common", STORIES + "good/postgresql"}
                : new String[]{STORIES + "good/common"};

        ReversibilityCheck.of(migrator(db, locations))
                .preservesData("8", () -> db.execute(ADA), () -> db.query("SELECT id, email FROM customers"))
                .verify();

        Migrator migrator = migrator(db, locations).build();
        assertThat(migrator.info()).allSatisfy(s -> assertThat(s.state().name()).isEqualTo("APPLIED"));
        assertThat(migrator.info()).hasSize(kind == DatabaseKind.POSTGRESQL ? 12 : 9);
        assertThat(db.query("SELECT customer_id, email FROM contacts"))
                .containsExactly(List.of("1", "ada@example.com"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downThatForgetsAnIndex_failsNamingTheVersionAndTheIndex(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "forgets-index")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 3 (V3__Ship_orders.sql): its down does not put the schema back as it was "
                        + "before its up:\n  index " + id(kind, "orders_customer_idx") + " on "
                        + id(kind, "orders(customer_id)")
                        + ": present after down, absent before up");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downThatForgetsAColumnDefault_failsNamingTheColumnAndBothDefaults(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "forgets-default")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 3 (V3__New_customers_are_active.sql): its down does not put the schema back as "
                        + "it was before its up:\n  " + "column " + id(kind, "customers.status")
                        + ": default none after down, 'new' before up");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downThatForgetsAForeignKey_failsNamingTheForeignKeyByWhatItReferences(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "forgets-foreign-key")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 3 (V3__Refunds.sql): its down does not put the schema back as it was before "
                        + "its up:\n  " + "foreign key " + id(kind, "orders(customer_id) -> customers(id)")
                        + ": present after down, absent before up");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downThatForgetsAView_failsNamingTheView(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "forgets-view")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 3 (V3__Report_big_orders.sql): its down does not put the schema back as it "
                        + "was before its up:\n  " + "view " + id(kind, "big_orders") + ": present after down, "
                        + "absent before up");
    }

    @Test
    void downThatForgetsAnEnumValue_onPostgresql_failsNamingTheTypeAndItsValues() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "forgets-enum-value")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 2 (V2__Shipped_status.sql): its down does not put the schema back as it was "
                        + "before its up:\n  enum type order_status: values 'new', 'paid', 'shipped' after down, "
                        + "'new', 'paid' before up");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void downThatLosesDeclaredData_failsShowingTheDataBeforeAndAfter(DatabaseKind kind) {
        TestDatabase db = databases.create(kind);
        ReversibilityCheck check = ReversibilityCheck.of(migrator(db, STORIES + "loses-data"))
                .preservesData("2", () -> db.execute(ADA), () -> db.query("SELECT id, email FROM customers"));

        assertThatThrownBy(check::verify)
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 2 (V2__Move_emails_to_contacts.sql) does not keep its data across up and down "
                        + "(preservesData): read [[1, ada@example.com]] before up, [[1, null]] after down");
    }

    @Test
    void irreversibleMigration_failsTheCheckBeforeAnythingRuns_namingItAndHowToAllowIt() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Migrator.Builder builder = migrator(db, STORIES + "irreversible-middle");

        assertThatThrownBy(() -> ReversibilityCheck.of(builder).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Irreversible migration: version 3 (V3__Purge_test_customers.sql) has no down. Add a "
                        + "U<version>__<description>.sql script (or override down()), or, if it cannot be undone, "
                        + "say so with allowIrreversible(\"3\")");
        assertThat(builder.build().info()).allSatisfy(s -> assertThat(s.state().name()).isEqualTo("PENDING"));
    }

    @Test
    void allowedIrreversibleMigration_isApplied_andTheCheckGoesOnAfterIt() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Migrator.Builder builder = migrator(db, STORIES + "irreversible-middle");

        ReversibilityCheck.of(builder).allowIrreversible("3").verify();

        assertThat(builder.build().info()).extracting(s -> s.version() + " " + s.state())
                .containsExactly("1 APPLIED", "2 APPLIED", "3 APPLIED", "4 APPLIED");
    }

    @Test
    void databaseWithAppliedMigrations_isRefused_withAClearMessage() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        migrator(db, STORIES + "good/common").build().migrateTo("2");
        int historyRows = db.query("SELECT * FROM \"migrator_history\"").size();

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "good/common")).verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ReversibilityCheck needs an empty database, but ")
                .hasMessageContaining("already has a history in migrator_history (1 APPLIED, 2 APPLIED)")
                .hasMessageEndingWith("Run it on a fresh database (TestDatabases.create(kind) gives one), so that "
                        + "each up and down starts from a known schema");
        assertThat(db.query("SELECT * FROM \"migrator_history\"")).hasSize(historyRows);
    }

    @Test
    void versionsThatNoMigrationHas_areRefused_asTypos() {
        TestDatabase db = databases.create(DatabaseKind.H2);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "irreversible-middle"))
                .allowIrreversible("3", "30").preservesData("5", () -> { }, () -> 0).verify())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReversibilityCheck is told about versions it cannot check: allowIrreversible(\"30\") "
                        + "names no migration; preservesData(\"5\", ...) names no migration. The versions found are "
                        + "1, 2, 3, 4");
    }

    @Test
    void locationWithoutVersionedMigrations_failsRatherThanPassingEmpty() {
        TestDatabase db = databases.create(DatabaseKind.H2);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "repeatable-only")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("ReversibilityCheck found no versioned migration for ");
    }

    @Test
    void downThatLeavesARowBehind_failsWhenTheUpRunsAgain() {
        TestDatabase db = databases.create(DatabaseKind.H2);

        assertThatThrownBy(() -> ReversibilityCheck.of(migrator(db, STORIES + "up-again-fails")).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Version 2 (V2__Dark_theme.sql): its up again, after its down, failed: ")
                .hasMessageContaining("V2__Dark_theme.sql");
    }

    @Test
    void upThatGivesAnotherSchemaTheSecondTime_failsNamingWhatDiffers() {
        TestDatabase db = databases.create(DatabaseKind.H2);
        Migrator.Builder builder = migrator(db, STORIES + "up-again-differs")
                .migrations(new V2__Index_orders_by_the_column_of_the_day());

        assertThatThrownBy(() -> ReversibilityCheck.of(builder).verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Version 2 (" + V2__Index_orders_by_the_column_of_the_day.class.getName() + "): applied "
                        + "again after its down, it does not give the schema it gave the first time:\n"
                        + "  index ORDERS_DAILY_IDX: on ORDERS(TOTAL) after up again, ORDERS(CUSTOMER_ID) after the "
                        + "first up");
    }

    /** A Java migration whose up depends on how often it ran: its down is right, it is not repeatable. */
    static final class V2__Index_orders_by_the_column_of_the_day implements JdbcMigration {
        private int ups;

        @Override
        public void up(JdbcContext ctx) throws Exception {
            String column = ups++ == 0 ? "customer_id" : "total";
            try (Statement s = ctx.connection().createStatement()) {
                s.execute("CREATE INDEX orders_daily_idx ON orders (" + column + ")");
            }
        }

        @Override
        public void down(JdbcContext ctx) throws Exception {
            try (Statement s = ctx.connection().createStatement()) {
                s.execute("DROP INDEX orders_daily_idx");
            }
        }
    }

    @Test
    void customSchemaAndHistoryTable_areHonoured_andTheHistoryIsNotPartOfTheSnapshot() {
        TestDatabase db = databases.create(DatabaseKind.POSTGRESQL);
        Migrator.Builder builder = migrator(db, STORIES + "forgets-default")
                .schema("shop").historyTable("shop_history");

        assertThatThrownBy(() -> ReversibilityCheck.of(builder).verify())
                .hasMessageEndingWith("column customers.status: default none after down, 'new' before up");
        assertThat(db.query("SELECT count(*) FROM shop.shop_history")).isNotEmpty();
        assertThatCode(() -> SchemaSnapshot.of(builder.build())).doesNotThrowAnyException();
    }

    private static Migrator.Builder migrator(TestDatabase db, String... locations) {
        return Migrator.builder()
                .target(JdbcTarget.of(db.dataSource()))
                .locations(locations)
                .placeholders(Map.of("onOrders", db.kind() == DatabaseKind.MARIADB ? " ON orders" : ""));
    }

    /** How the database spells names: H2 upper-cases unquoted identifiers. */
    static String id(DatabaseKind kind, String names) {
        return kind == DatabaseKind.H2 ? names.toUpperCase(Locale.ROOT) : names;
    }
}
