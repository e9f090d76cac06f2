package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --url mongodb://host:port/database} selects MongoDB; its scripts are read from db/mongo by default. */
class CliMongoIT {
    @TempDir
    Path dir;
    private MongoServer server;
    private String url;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        url = "mongodb://127.0.0.1:" + address.getPort() + "/shop";
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void mongoUrl_migratesTheJsonScriptsOfDbMongo_andInfoReportsThem() {
        Fixtures.copy("mongo", dir.resolve("db/mongo"));

        JsonNode migrated = CliCommandsIT.json("migrate", CliJar.run(dir, Map.of(), "migrate", "--url", url,
                "--json"));
        JsonNode info = CliCommandsIT.json("info", CliJar.run(dir, Map.of(), "info", "--url", url, "--json"));

        assertThat(migrated.get("target").asText()).contains("shop");
        assertThat(migrated.get("migrations")).extracting(m -> m.get("type").asText() + " " + m.get("script").asText())
                .containsExactly("JSON V1__Create_customers.json", "JSON V2__Index_customer_emails.json");
        assertThat(info.get("migrations")).extracting(m -> m.get("state").asText()).containsOnly("APPLIED");
    }

    @Test
    void mongoUrlWithoutADatabase_exitsTwo() throws Exception {
        CliJar.Run run = CliJar.run(dir, Map.of(), "info", "--url", url.substring(0, url.lastIndexOf('/')), "--json");

        assertThat(CliExitStatusIT.error(run, 2, "CONFIGURATION").get("message").asText())
                .contains("names no database");
    }
}
