package dev.migrator.spring;

import dev.migrator.api.MigratorException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that migrator stopped into Spring Boot's "APPLICATION FAILED TO START" report, with migrator's
 * message (what happened, where, what to do) instead of a stack of bean-creation errors.
 */
final class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        return new FailureAnalysis("migrator stopped the start-up: "
                + String.valueOf(cause.getMessage()).replace("JdbcTarget.leaseLock()", "migrator.lock=lease"),
                "Follow the message above; the migrator.* properties are listed in docs/spring-boot.md.", cause);
    }
}
