package dev.migrator.docs.migrations;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * docs/migrations.md, "Java migrations": a migration that needs something from the application (here the
 * currencies it trades in), so it is passed as an instance with {@code migrations(...)} instead of being found by
 * scanning. Its name follows no convention, so it says its version and description itself.
 */
// tag::explicit-java-migration[]
public final class SeedCurrencies implements JdbcMigration {
    private final List<String> currencies;

    public SeedCurrencies(List<String> currencies) {
        this.currencies = List.copyOf(currencies);
    }

    @Override
    public String version() {
        return "4";
    }

    @Override
    public String description() {
        return "Seed currencies";
    }

    /** Changes when the list does, so validate() notices if a later release seeds other currencies. */
    @Override
    public String checksum() {
        return "currencies:" + String.join(",", currencies);
    }

    @Override
    public void up(JdbcContext context) throws Exception {
        try (Statement create = context.connection().createStatement()) {
            create.execute("CREATE TABLE currencies (code CHAR(3) PRIMARY KEY)");
        }
        try (PreparedStatement insert = context.connection().prepareStatement(
                "INSERT INTO currencies (code) VALUES (?)")) {
            for (String code : currencies) {
                insert.setString(1, code);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void down(JdbcContext context) throws Exception {
        try (Statement drop = context.connection().createStatement()) {
            drop.execute("DROP TABLE currencies");
        }
    }
}
// end::explicit-java-migration[]
