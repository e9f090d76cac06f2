package dev.migrator.spring;

import dev.migrator.api.MigratorException;
import dev.migrator.api.ValidationException;
import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the health contributor {@code migrator} reports, for both Spring Boot 3's and 4's health types: DOWN with
 * {@code reason} when validation fails or a FAILED or unfinished entry blocks migrating, else UP with the version.
 */
final class MigratorHealth {
    private final Migrator migrator;

    MigratorHealth(Migrator migrator) {
        this.migrator = migrator;
    }

    /** Whether it is UP, and the details. */
    record Result(boolean up, Map<String, Object> details) {
    }

    Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            migrator.validate();
            List<MigrationStatus> info = migrator.info();
            long pending = info.stream().filter(s -> s.state() == MigrationState.PENDING).count();
            String version = null;
            for (MigrationStatus s : info) {
                if (s.version() != null && (s.state() == MigrationState.APPLIED
                        || s.state() == MigrationState.BASELINE || s.state() == MigrationState.OUT_OF_ORDER
                        || s.state() == MigrationState.ADOPTED)) {
                    version = s.version();
                }
            }
            details.put("version", version);
            details.put("pending", pending);
            return new Result(true, details);
        } catch (ValidationException e) {
            details.put("reason", e.getMessage());
            details.put("problems", e.problems());
            return new Result(false, details);
        } catch (MigratorException e) {
            details.put("reason", e.getMessage());
            return new Result(false, details);
        }
    }
}
