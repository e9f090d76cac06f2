package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.migrator.api.ConfigurationException;
import dev.migrator.api.Migration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoTargetTest {
    // Creating a client does not connect, so these tests need no server.
    private final MongoClient client = MongoClients.create("mongodb://alice:s3cret@db1.example:27017,db2.example:27018"
            + "/?authSource=admin&serverSelectionTimeoutMS=100");

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void describesItselfWithoutCredentials() {
        String text = MongoTarget.of(client, "appdb").toString();

        assertThat(text).isEqualTo("MongoDB appdb at db1.example:27017,db2.example:27018")
                .doesNotContain("s3cret").doesNotContain("alice");
    }

    @Test
    void runsJsonScriptsAndMongoMigrationsFromDbMongo() {
        MongoTarget target = MongoTarget.of(client, "appdb");
        Migration<?> jdbcLike = (Migration<Object>) ctx -> { };
        MongoMigration mongo = ctx -> { };

        assertThat(target.scriptSuffix()).isEqualTo(".json");
        assertThat(target.defaultLocation()).isEqualTo("classpath:db/mongo");
        assertThat(target.accepts(mongo)).isTrue();
        assertThat(target.accepts(jdbcLike)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "app.db", "app db", "app/db", "app$db",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void refusesWhatCannotBeADatabaseName(String name) {
        assertThatThrownBy(() -> MongoTarget.of(client, name))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot be a MongoDB database name");
    }

    @Test
    void comparesServerVersions() {
        assertThat(ServerInfo.atLeast("4.0.0", 4, 0)).isTrue();
        assertThat(ServerInfo.atLeast("7.0.14", 4, 2)).isTrue();
        assertThat(ServerInfo.atLeast("4.2.1-rc0", 4, 2)).isTrue();
        assertThat(ServerInfo.atLeast("3.6.23", 4, 0)).isFalse();
        assertThat(ServerInfo.atLeast("4.0.28", 4, 2)).isFalse();
        assertThat(ServerInfo.atLeast("unknown", 4, 0)).isFalse();
    }
}
