package dev.migrator.it.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.migrator.core.Migrator;
import dev.migrator.core.PastTheLease;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.mongo.MongoTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One fresh database for a round of {@link KilledClientIT}: the scripts of the migration set (V1 creates the log;
 * every later version creates its own table or collection, logs its version once, and takes a moment), what a child
 * JVM ({@code MigrateMain}) gets to reach it, and the reads the invariants need.
 */
abstract class KillTarget implements AutoCloseable {
    /** The arguments of {@code MigrateMain} before the location: url, user, password. */
    abstract List<String> childArgs();

    abstract void writeScripts(Path dir, int migrations) throws IOException;

    /** Rows in the log; throws while the log does not exist yet. */
    abstract int logged();

    /** The versions logged other than once. */
    abstract List<Integer> loggedOtherThanOnce();

    abstract boolean logged(int version);

    /** Whether version's table or collection exists: its first change is there. */
    abstract boolean created(int version);

    /** What the operator does to finish a migration by hand: its second change. */
    abstract void logByHand(int version);

    /** A fresh engine on this database, with the lock the child used. */
    abstract Migrator.Builder engine();

    @Override
    public void close() {
    }

    /** PostgreSQL or MariaDB, through the testkit: a session lock, which dies with the killed client. */
    static KillTarget of(TestDatabase db) {
        return new Sql() {
            @Override
            List<String> childArgs() {
                return List.of(db.url(), db.user(), db.password());
            }

            @Override
            String sleep() {
                return db.kind() == DatabaseKind.POSTGRESQL ? "SELECT pg_sleep(0.03);\n" : "DO SLEEP(0.03);\n";
            }

            @Override
            List<List<String>> query(String sql) {
                return db.query(sql);
            }

            @Override
            void execute(String sql) {
                db.execute(sql);
            }

            @Override
            boolean created(int v) {
                return !db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 't" + v
                        + "' AND table_schema = " + (db.kind() == DatabaseKind.POSTGRESQL ? "current_schema()"
                        : "DATABASE()")).isEmpty();
            }

            @Override
            Migrator.Builder engine() {
                return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()));
            }
        };
    }

    /**
     * H2 in server mode ({@code jdbc:h2:tcp://...}, the server in the test JVM): the lock is a lease, which a killed
     * holder leaves behind until it runs out, so the engine that finishes starts {@link PastTheLease past it}. The
     * sleep is a Java function the server runs, as a slow statement would.
     */
    static KillTarget h2Server(String url) {
        return new Sql() {
            @Override
            List<String> childArgs() {
                return List.of(url, "sa", "");
            }

            @Override
            String header() {
                return "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep';\n";
            }

            @Override
            String sleep() {
                return "CALL SLEEP(30);\n";
            }

            @Override
            List<List<String>> query(String sql) {
                try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery(sql)) {
                    List<List<String>> rows = new ArrayList<>();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                    return rows;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            void execute(String sql) {
                try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            boolean created(int v) {
                return !query("SELECT 1 FROM information_schema.tables WHERE table_name = 'T" + v
                        + "' AND table_schema = 'PUBLIC'").isEmpty();
            }

            @Override
            Migrator.Builder engine() {
                return PastTheLease.engine(Migrator.builder().target(JdbcTarget.of(url, "sa", "")));
            }
        };
    }

    /**
     * MongoDB on mongo-java-server in the test JVM (no transactions: every migration runs command by command), lease
     * locked like H2. It has no sleep, so the set is longer instead.
     */
    static KillTarget mongo(String address, String database) {
        MongoClient client = MongoClients.create(address);
        MongoDatabase db = client.getDatabase(database);
        return new KillTarget() {
            @Override
            List<String> childArgs() {
                return List.of(address + "/" + database, "", "");
            }

            @Override
            void writeScripts(Path dir, int migrations) throws IOException {
                Files.writeString(dir.resolve("V1__Log.json"), "[{\"create\": \"applied_log\"}]\n");
                for (int v = 2; v <= migrations; v++) {
                    Files.writeString(dir.resolve("V" + v + "__Step.json"), "[{\"create\": \"t" + v + "\"},\n"
                            + "{\"insert\": \"applied_log\", \"documents\": [{\"version\": " + v + "}]}]\n");
                }
            }

            @Override
            int logged() {
                if (!db.listCollectionNames().into(new ArrayList<>()).contains("applied_log")) {
                    throw new IllegalStateException("no log yet");
                }
                return (int) db.getCollection("applied_log").countDocuments();
            }

            @Override
            List<Integer> loggedOtherThanOnce() {
                List<Integer> wrong = new ArrayList<>();
                db.getCollection("applied_log").aggregate(List.of(
                        new Document("$group", new Document("_id", "$version").append("n", new Document("$sum", 1))),
                        new Document("$match", new Document("n", new Document("$ne", 1)))))
                        .forEach(d -> wrong.add(d.getInteger("_id")));
                return wrong;
            }

            @Override
            boolean logged(int v) {
                return db.getCollection("applied_log").countDocuments(Filters.eq("version", v)) > 0;
            }

            @Override
            boolean created(int v) {
                return db.listCollectionNames().into(new ArrayList<>()).contains("t" + v);
            }

            @Override
            void logByHand(int v) {
                db.getCollection("applied_log").insertOne(new Document("version", v));
            }

            @Override
            Migrator.Builder engine() {
                return PastTheLease.engine(Migrator.builder().target(MongoTarget.of(client, database)));
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    /** The relational targets: the same scripts but for the sleep. */
    private abstract static class Sql extends KillTarget {
        abstract List<List<String>> query(String sql);

        abstract void execute(String sql);

        String header() {
            return "";
        }

        abstract String sleep();

        @Override
        void writeScripts(Path dir, int migrations) throws IOException {
            Files.writeString(dir.resolve("V1__Log.sql"), header() + "CREATE TABLE applied_log (version INT);\n");
            for (int v = 2; v <= migrations; v++) {
                // A DDL statement, then the migration's effect: non-atomic where DDL commits (MariaDB, H2).
                Files.writeString(dir.resolve("V" + v + "__Step.sql"), "CREATE TABLE t" + v + " (id INT);\n"
                        + "INSERT INTO applied_log (version) VALUES (" + v + ");\n" + sleep());
            }
        }

        @Override
        int logged() {
            return Integer.parseInt(query("SELECT count(*) FROM applied_log").get(0).get(0));
        }

        @Override
        List<Integer> loggedOtherThanOnce() {
            return query("SELECT version FROM applied_log GROUP BY version HAVING count(*) <> 1").stream()
                    .map(r -> Integer.parseInt(r.get(0))).toList();
        }

        @Override
        boolean logged(int v) {
            return !query("SELECT 1 FROM applied_log WHERE version = " + v).isEmpty();
        }

        @Override
        void logByHand(int v) {
            execute("INSERT INTO applied_log (version) VALUES (" + v + ")");
        }
    }
}
