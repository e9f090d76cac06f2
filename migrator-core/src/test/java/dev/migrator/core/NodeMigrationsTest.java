package dev.migrator.core;

import dev.migrator.api.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeMigrationsTest {
    private static final List<ToolScript> FILES = List.of(
            new ToolScript("/app/migrations/20240101000000_create_accounts.js", "exports.up = ..."),
            new ToolScript("/app/migrations/20240102000000_add_iban.ts", "export async function up() {}"),
            new ToolScript("/app/migrations/README.md", "notes"));

    @Test
    void recordedNamesAreAdoptedInOrderWithTheirFiles() {
        List<ToolMigration> adopted = NodeMigrations.read("Knex", FILES).applied(List.of(
                new NodeMigrations.Row("20240101000000_create_accounts.js", null),
                new NodeMigrations.Row("20240102000000_add_iban.ts", null)), "knex_migrations", "x");

        assertThat(adopted).extracting(ToolMigration::name, ToolMigration::description, ToolMigration::script)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20240101000000_create_accounts.js", "create accounts",
                                "/app/migrations/20240101000000_create_accounts.js"),
                        org.assertj.core.groups.Tuple.tuple("20240102000000_add_iban.ts", "add iban",
                                "/app/migrations/20240102000000_add_iban.ts"));
    }

    @Test
    void aRecordedNameWithNoFileIsRefusedNamingItAndTheFolderToAdd() {
        assertThatThrownBy(() -> NodeMigrations.read("Sequelize", FILES).applied(List.of(
                new NodeMigrations.Row("20240103000000-add-closed.js", null)), "SequelizeMeta",
                ".sequelizerc's migrations-path"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Sequelize's history does not match its migration files")
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .contains("SequelizeMeta records '20240103000000-add-closed.js'",
                                ".sequelizerc's migrations-path"));
    }

    @Test
    void sequelizeNamesReadAsDescriptions() {
        assertThat(NodeMigrations.description("20240101000000-create-accounts.js")).isEqualTo("create accounts");
    }
}
