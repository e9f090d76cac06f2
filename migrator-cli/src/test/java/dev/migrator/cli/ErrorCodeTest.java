package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.IrreversibleMigrationException;
import dev.migrator.api.LockTimeoutException;
import dev.migrator.api.LostLockException;
import dev.migrator.api.TargetException;
import dev.migrator.api.MigrationFailedException;
import dev.migrator.api.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the contract of API.md section 6: pipelines branch on these numbers. */
class ErrorCodeTest {
    @Test
    void eachFailure_hasItsCodeAndExitStatus() {
        assertThat(exit(new MigrationFailedException("m", null, "1", "V1__a.sql", 1, "x", false)))
                .isEqualTo("MIGRATION_FAILED 1");
        assertThat(exit(new UsageException("u", null))).isEqualTo("USAGE 2");
        assertThat(exit(new ConfigurationException("c"))).isEqualTo("CONFIGURATION 2");
        assertThat(exit(new ValidationException("v", List.of("p")))).isEqualTo("VALIDATION_FAILED 3");
        assertThat(exit(new IrreversibleMigrationException("i", List.of("3")))).isEqualTo("IRREVERSIBLE 3");
        assertThat(exit(new LockTimeoutException("l", Duration.ofSeconds(1)))).isEqualTo("LOCK_TIMEOUT 4");
        assertThat(exit(new LostLockException("lost", null))).isEqualTo("LOCK_LOST 4");
        assertThat(exit(new TargetException("history", null))).isEqualTo("TARGET_FAILED 1");
        assertThat(exit(new IllegalStateException("bug"))).isEqualTo("ERROR 1");
        assertThat(ErrorCode.SUCCESS).isZero();
    }

    @Test
    void theCodesAreExactlyThoseOfTheDocs() throws Exception {
        String doc = java.nio.file.Files.readString(DocumentedKeys.docs().resolve("json-report.md"));

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc).contains("| `" + code.name() + "` | " + code.exitStatus() + " |");
        }
    }

    private static String exit(Throwable failure) {
        ErrorCode code = ErrorCode.of(failure);
        return code + " " + code.exitStatus();
    }
}
