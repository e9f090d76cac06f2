package dev.migrator.docs.demo;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.h2.jdbcx.JdbcDataSource;

import java.io.PrintStream;

/**
 * The README's demo: an application that migrates an embedded H2 database at boot, then prints what
 * {@code info()} reports. Run it from a fresh clone with {@code ./mvnw -q -Pdemo -pl docs -am -DskipTests verify}.
 *
 * <p>Its migrations are the ones a real application would ship in {@code src/main/resources/db/migration}:
 * {@code V1__Create_accounts.sql}, {@code V2__Add_iban.sql} with its undo {@code U2__Add_iban.sql}, the Java
 * migration {@code db.migration.V3__Backfill_ibans}, and the repeatable {@code R__Account_view.sql}.
 */
public final class DemoApplication {
    /** Kept open until the JVM exits, as an application's database would be. */
    static final String DATABASE_URL = "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1";

    private DemoApplication() {
    }

    /** Migrates the demo database and prints the migrations; the one place in the project that prints. */
    public static void main(String[] args) {
        run(DATABASE_URL, System.out);
    }

    /** Migrates the database at {@code url}, then writes a summary and the {@code info()} table to {@code out}. */
    static MigrateResult run(String url, PrintStream out) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");

        Migrator migrator = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .build();
        MigrateResult result = migrator.migrate();

        out.println();
        out.printf("Applied %d migration%s; the schema went from version %s to %s.%n", result.applied().size(),
                result.applied().size() == 1 ? "" : "s", orNone(result.versionBefore()), orNone(result.versionAfter()));
        out.println();
        out.print(InfoTable.render(migrator.info()));
        return result;
    }

    private static String orNone(String version) {
        return version == null ? "<none>" : version;
    }
}
