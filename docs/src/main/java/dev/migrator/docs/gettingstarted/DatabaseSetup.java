package dev.migrator.docs.gettingstarted;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** docs/getting-started.md, step 3: what an application calls once at boot, before it serves anything. */
public final class DatabaseSetup {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);

    private DatabaseSetup() {
    }

    // tag::migrate-at-boot[]
    /** Brings the schema up to date; throws, and so stops the boot, when it cannot. */
    public static MigrateResult migrateDatabase(DataSource dataSource) {
        MigrateResult result = Migrator.builder()
                .target(JdbcTarget.of(dataSource))
                .build()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied now)",
                result.versionAfter(), result.applied().size());
        return result;
    }
    // end::migrate-at-boot[]
}
