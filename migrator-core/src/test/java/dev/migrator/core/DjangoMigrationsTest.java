package dev.migrator.core;

import dev.migrator.api.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DjangoMigrationsTest {
    private static final Instant T = Instant.parse("2024-01-01T00:01:00Z");

    private static ToolScript file(String path, String dependencies) {
        return new ToolScript("/srv/site/" + path, "from django.db import migrations\n\n"
                + "class Migration(migrations.Migration):\n\n    dependencies = " + dependencies + "\n\n"
                + "    operations = []\n");
    }

    private static final List<ToolScript> FILES = List.of(
            file("ledger/migrations/0001_initial.py", "[]"),
            file("ledger/migrations/0002_account_iban.py", "[\n        ('ledger', '0001_initial'),\n    ]"),
            file("audit/migrations/0001_initial.py", "[\n        (\"ledger\", \"0001_initial\"),\n"
                    + "        migrations.swappable_dependency(settings.AUTH_USER_MODEL),\n    ]"),
            new ToolScript("/srv/site/ledger/migrations/__init__.py", ""),
            new ToolScript("/srv/site/ledger/models.py", "dependencies = 'not a migration'"));

    private static DjangoMigrations.Row row(String app, String name) {
        return new DjangoMigrations.Row(app, name, T);
    }

    @Test
    void rowsAreAdoptedInTheOrderDjangoAppliedThemWithTheirFiles() {
        List<ToolMigration> adopted = DjangoMigrations.read(FILES).applied(List.of(row("contenttypes", "0001_initial"),
                row("ledger", "0001_initial"), row("audit", "0001_initial"), row("ledger", "0002_account_iban")),
                "django_migrations");

        assertThat(adopted).extracting(ToolMigration::name).containsExactly("contenttypes.0001_initial",
                "ledger.0001_initial", "audit.0001_initial", "ledger.0002_account_iban");
        assertThat(adopted.get(3).script()).isEqualTo("/srv/site/ledger/migrations/0002_account_iban.py");
        assertThat(adopted.get(3).description()).isEqualTo("account iban");
        assertThat(adopted.get(3).installedOn()).isEqualTo(T);
    }

    @Test
    void aRowWithNoFileIsRefusedNamingTheMigrationAndWhatToDo() {
        assertThatThrownBy(() -> DjangoMigrations.read(FILES).applied(List.of(row("ledger", "0001_initial"),
                row("ledger", "0003_gone")), "django_migrations"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .contains("django_migrations records ledger.0003_gone as applied",
                                "ledger/migrations has no 0003_gone.py"));
    }

    @Test
    void anAppWithNoMigrationsFolderInTheLocationsIsRefusedOnce() {
        assertThatThrownBy(() -> DjangoMigrations.read(FILES).applied(List.of(row("billing", "0001_initial"),
                row("billing", "0002_x")), "django_migrations"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .contains("app 'billing'", "add the folder that holds the app to the locations"));
    }

    @Test
    void anAppliedMigrationWhoseDependencyIsNotAppliedIsRefused() {
        assertThatThrownBy(() -> DjangoMigrations.read(FILES).applied(List.of(row("ledger", "0002_account_iban")),
                "django_migrations"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dependency ledger.0001_initial is not in django_migrations");
    }

    @Test
    void aSquashedMigrationStandsForTheFilesItReplaced() {
        List<ToolScript> squashed = List.of(new ToolScript("/srv/site/ledger/migrations/0001_squashed_0002.py",
                "class Migration(migrations.Migration):\n    replaces = [('ledger', '0001_initial'), "
                        + "('ledger', '0002_account_iban')]\n    dependencies = []\n"));

        assertThat(DjangoMigrations.read(squashed).applied(List.of(row("ledger", "0001_initial"),
                row("ledger", "0002_account_iban")), "django_migrations")).isEmpty();
    }
}
