package dev.migrator.bench;

import dev.migrator.core.Fleet;
import dev.migrator.core.FleetErrorPolicy;
import dev.migrator.core.FleetResult;
import dev.migrator.core.FleetTarget;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fleet's cost on PostgreSQL: N tenant schemas (default 1,000) of one database (on MariaDB: N databases of one
 * server, with a {@code jdbc:mariadb:} URL), each migrated with three
 * migrations, timed for each parallelism (default 1, 2, 4, 8, 16) from empty schemas; then the same fleet again with
 * everything applied, whose time per target is the cost of a fleet no-op. One JVM; the schemas are dropped before
 * each parallelism.
 * Run: {@code java -cp migrator-bench/target/migrator-bench-<v>.jar:migrator-bench/target/lib/*
 * dev.migrator.bench.FleetBench URL USER PASSWORD_ENV [N] [P,P,...]}; the database at URL must exist.
 */
public final class FleetBench {
    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FleetBench URL USER PASSWORD_ENV [N] [P,P,...]");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = System.getenv(args[2]);
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        String[] parallelisms = (args.length > 4 ? args[4] : "1,2,4,8,16").split(",");
        Path dir = Files.createTempDirectory("migrator-fleet-bench");
        try {
            Files.writeString(dir.resolve("V1__Create_accounts.sql"),
                    "CREATE TABLE accounts (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL);\n");
            Files.writeString(dir.resolve("V2__First_account.sql"),
                    "INSERT INTO accounts (id, tenant) VALUES (1, '${tenant}');\n");
            Files.writeString(dir.resolve("V3__Add_balance.sql"),
                    "ALTER TABLE accounts ADD COLUMN balance NUMERIC(12,2) NOT NULL DEFAULT 0;\n"
                            + "CREATE INDEX accounts_tenant ON accounts (tenant);\n");
            List<FleetTarget> targets = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String tenant = String.format("tenant_%05d", i);
                targets.add(FleetTarget.of(tenant, JdbcTarget.of(url, user, password)).schema(tenant)
                        .placeholders(Map.of("tenant", tenant)));
            }
            System.out.printf("%,d %s, 3 migrations each, %d cores%n", n,
                    url.startsWith("jdbc:mariadb:") ? "MariaDB databases" : "PostgreSQL schemas",
                    Runtime.getRuntime().availableProcessors());
            System.out.println("parallel  migrate (s)  per target (ms)  no-op (s)  no-op per target (ms)");
            for (String p : parallelisms) {
                int parallel = Integer.parseInt(p.trim());
                dropSchemas(url, user, password, n);
                Fleet fleet = Fleet.builder().template(Migrator.builder().locations("filesystem:" + dir))
                        .targets(targets).parallelism(parallel).onError(FleetErrorPolicy.continueAll()).build();
                FleetResult migrated = fleet.migrate();
                FleetResult noop = fleet.migrate();
                if (!migrated.succeeded() || !noop.succeeded()) {
                    throw new IllegalStateException(migrated.summary() + " / " + noop.summary());
                }
                System.out.printf("%8d  %11.1f  %15.1f  %9.1f  %21.1f%n", parallel, seconds(migrated),
                        1000 * seconds(migrated) / n, seconds(noop), 1000 * seconds(noop) / n);
            }
            dropSchemas(url, user, password, n);
        } finally {
            Workload.deleteTree(dir);
        }
    }

    private static double seconds(FleetResult r) {
        return r.duration().toMillis() / 1000.0;
    }

    private static void dropSchemas(String url, String user, String password, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (int i = 1; i <= n; i++) {
                // A MariaDB schema is a database: one tenant per database there, one schema per tenant on PostgreSQL.
                s.execute(String.format(url.startsWith("jdbc:mariadb:") ? "DROP DATABASE IF EXISTS tenant_%05d"
                        : "DROP SCHEMA IF EXISTS tenant_%05d CASCADE", i));
            }
        }
    }
}
