package dev.migrator.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The only class that touches Testcontainers (an optional dependency): reached after {@link #available()} finds it
 * on the class path. One container per kind per JVM, reused by every test, stopped by Testcontainers at exit.
 */
final class Containers {
    private static final Map<DatabaseKind, TestDatabase.Server> STARTED = new EnumMap<>(DatabaseKind.class);

    private Containers() {
    }

    static boolean available() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Containers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static synchronized TestDatabase.Server start(DatabaseKind kind) {
        return STARTED.computeIfAbsent(kind, Containers::run);
    }

    @SuppressWarnings("resource")
    private static TestDatabase.Server run(DatabaseKind kind) {
        if (kind == DatabaseKind.POSTGRESQL) {
            GenericContainer<?> pg = new GenericContainer<>("postgres:16-alpine")
                    .withEnv("POSTGRES_USER", "migrator").withEnv("POSTGRES_PASSWORD", "migrator")
                    .withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2))
                    .withStartupTimeout(Duration.ofMinutes(2));
            pg.start();
            return new TestDatabase.Server(kind, "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432)
                    + "/postgres", "migrator", "migrator");
        }
        GenericContainer<?> maria = new GenericContainer<>("mariadb:11")
                .withEnv("MARIADB_ROOT_PASSWORD", "migrator").withEnv("MARIADB_USER", "migrator")
                .withEnv("MARIADB_PASSWORD", "migrator")
                .withExposedPorts(3306)
                .waitingFor(Wait.forLogMessage(".*ready for connections.*\\n", 2))
                .withStartupTimeout(Duration.ofMinutes(2));
        maria.start();
        // The root account creates the per-test databases; the container is throw-away.
        return new TestDatabase.Server(kind, "jdbc:mariadb://" + maria.getHost() + ":" + maria.getMappedPort(3306)
                + "/", "root", "migrator");
    }
}
