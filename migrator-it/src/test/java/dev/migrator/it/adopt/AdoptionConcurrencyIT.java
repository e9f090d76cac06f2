package dev.migrator.it.adopt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.migrator.api.ConfigurationException;
import dev.migrator.core.MigrateResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;
import dev.migrator.mongo.MongoTarget;
import dev.migrator.testkit.DatabaseKind;
import dev.migrator.testkit.TestDatabase;
import dev.migrator.testkit.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instances booting together with adoptOnMigrate adopt once; MongoDB says adoption is not supported there. */
class AdoptionConcurrencyIT {
    private static final int INSTANCES = 4;

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void instancesBootingTogether_adoptOnce_andApplyTheNextVersionOnce(DatabaseKind kind) throws Exception {
        TestDatabase db = databases.create(kind);
        Files.writeString(dir.resolve("V1__Create_users.sql"), "CREATE TABLE users (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("V2__Add_email.sql"), "ALTER TABLE users ADD email VARCHAR(200);\n");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("filesystem:" + dir).load()
                .migrate();
        Files.writeString(dir.resolve("V3__Add_name.sql"), "ALTER TABLE users ADD name VARCHAR(100);\n");

        for (int round = 0; round < 2; round++) {
            CyclicBarrier start = new CyclicBarrier(INSTANCES);
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return Migrator.builder().target(JdbcTarget.of(db.url(), db.user(), db.password()))
                            .locations("filesystem:" + dir).adoptOnMigrate("flyway").build().migrate();
                }));
            }
            int applied = 0;
            for (Future<MigrateResult> run : runs) {
                applied += run.get(2, TimeUnit.MINUTES).applied().size();
            }
            pool.shutdown();
            assertThat(applied).as("V3 applied once in round " + round).isEqualTo(round == 0 ? 1 : 0);
        }

        assertThat(db.query("SELECT version, action FROM migrator_history WHERE outcome = 'SUCCESS' "
                + "ORDER BY installed_rank")).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("1 ADOPT", "2 ADOPT", "3 APPLY");
    }

    @Test
    void onMongoDb_adoptionIsNotSupported() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            Migrator migrator = Migrator.builder().target(MongoTarget.of(client, "bank"))
                    .locations("filesystem:" + dir).build();

            assertThatThrownBy(() -> migrator.adopt("flyway")).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Adopting another tool's history is not supported on")
                    .hasMessageContaining("use adopt with a JDBC target");
        } finally {
            server.shutdownNow();
        }
    }
}
