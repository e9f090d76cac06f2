package dev.migrator.it.contract;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixtures on servers in containers, each started once per JVM and only where Docker runs (AllTargets skips
 * them visibly elsewhere). Passwords are generated, so none is written down.
 */
final class ContainerFixtures {
    private static final String PASSWORD = "Mg-" + UUID.randomUUID().toString().toUpperCase().substring(0, 18) + "-a1";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static GenericContainer<?> sqlServer;
    private static GenericContainer<?> oracle;
    private static MongoDBContainer mongo;

    private ContainerFixtures() {
    }

    static synchronized TargetFixture sqlServer() {
        if (sqlServer == null) {
            sqlServer = started(new GenericContainer<>(DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-latest"))
                    .withEnv("ACCEPT_EULA", "Y").withEnv("MSSQL_SA_PASSWORD", PASSWORD).withExposedPorts(1433)
                    .waitingFor(Wait.forLogMessage(".*SQL Server is now ready for client connections.*", 1)));
        }
        String base = "jdbc:sqlserver://" + sqlServer.getHost() + ":" + sqlServer.getMappedPort(1433)
                + ";encrypt=false;trustServerCertificate=true;databaseName=";
        String name = "contract_" + NEXT.incrementAndGet();
        new Jdbc(base + "master", "sa", PASSWORD, "\nGO", null).execute("CREATE DATABASE " + name);
        return new Jdbc(base + name, "sa", PASSWORD, "\nGO", "DECLARE @k NVARCHAR(MAX) = N''; "
                + "SELECT @k = @k + N'KILL ' + CAST(session_id AS NVARCHAR(10)) + N';' FROM sys.dm_exec_sessions "
                + "WHERE database_id = DB_ID() AND session_id <> @@SPID; EXEC(@k)");
    }

    static synchronized TargetFixture oracle() {
        if (oracle == null) {
            oracle = started(new GenericContainer<>(DockerImageName.parse("gvenzl/oracle-free:23-slim-faststart"))
                    .withEnv("ORACLE_PASSWORD", PASSWORD).withExposedPorts(1521)
                    .waitingFor(Wait.forLogMessage(".*DATABASE IS READY TO USE!.*", 1)));
        }
        String url = "jdbc:oracle:thin:@//" + oracle.getHost() + ":" + oracle.getMappedPort(1521) + "/FREEPDB1";
        String user = "CONTRACT_" + NEXT.incrementAndGet();
        Jdbc system = new Jdbc(url, "system", PASSWORD, ";", null);
        system.execute("CREATE USER " + user + " IDENTIFIED BY \"" + PASSWORD + "\" QUOTA UNLIMITED ON USERS");
        system.execute("GRANT CREATE SESSION, CREATE TABLE, CREATE VIEW, CREATE SEQUENCE TO " + user);
        return new Jdbc(url, user, PASSWORD, ";", null);
    }

    static synchronized TargetFixture mongoReplicaSet() {
        if (mongo == null) {
            mongo = started(new MongoDBContainer("mongo:7.0"));
        }
        return new MongoFixture(mongo.getReplicaSetUrl()) {
            @Override
            public String toString() {
                return "MongoReplicaSet";
            }
        };
    }

    private static <T extends GenericContainer<?>> T started(T container) {
        container.withStartupTimeout(Duration.ofMinutes(10)).start();
        return container;
    }

    /** A database on a container's server. */
    private static final class Jdbc extends SqlFixture {
        private final String url;
        private final String user;
        private final String password;
        private final String terminator;
        private final String endOtherSessions;

        Jdbc(String url, String user, String password, String terminator, String endOtherSessions) {
            this.url = url;
            this.user = user;
            this.password = password;
            this.terminator = terminator;
            this.endOtherSessions = endOtherSessions;
        }

        @Override
        void endOtherSessions() {
            execute(endOtherSessions);
        }

        @Override
        String url() {
            return url;
        }

        @Override
        String user() {
            return user;
        }

        @Override
        String password() {
            return password;
        }

        @Override
        String terminator() {
            return terminator;
        }
    }
}
