package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.TargetException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.internal.Secrets;
import dev.migrator.core.LintMode;
import dev.migrator.core.Migrator;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * What the migrations produce, for {@code diff --against-migrations}: they are applied to a scratch schema
 * ({@code migrator_scratch_<random>}) of the same database (a scratch database on MySQL and MariaDB, where the two
 * are one), which is snapshotted and dropped. The same product and server version as the live schema, so types,
 * defaults and indexes read alike; an H2 stand-in would differ in every one of them. The user needs the right to
 * create a schema (database). A migration that names a schema explicitly ({@code public.orders}) writes there, not
 * in the scratch schema: docs/consistency.md says to run this against a CI or staging database.
 */
final class ScratchSchema {
    private ScratchSchema() {
    }

    static SchemaModel migrated(Migrator migrator, Settings settings) {
        String url = settings.url();
        boolean mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        if (!mysql && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigurationException("diff --against-migrations works on PostgreSQL, MySQL, MariaDB and H2; "
                    + "for " + Secrets.mask(url) + " migrate an empty database and use diff --url-b instead");
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = "migrator_scratch_" + HexFormat.of().formatHex(random);
        Migrator scratch = migrator.toBuilder().schema(name).lint(LintMode.OFF).build();
        try {
            scratch.migrate();
            return DiffCommand.snapshot(scratch.target(), scratch.targetSettings());
        } finally {
            drop(settings, mysql ? "DROP DATABASE IF EXISTS `" + name + "`"
                    : "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE", name);
        }
    }

    private static void drop(Settings settings, String sql, String name) {
        String password = settings.password() == null ? null : settings.password().reveal();
        try (Connection c = DriverManager.getConnection(Targets.jdbcUrl(settings.url()), settings.user(), password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new TargetException("Cannot drop the scratch schema " + name + " (" + Secrets.mask(e.getMessage())
                    + "): drop it by hand", e);
        }
    }
}
