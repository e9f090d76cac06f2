package dev.migrator.cli;

import dev.migrator.core.MigrateResult;
import dev.migrator.core.MigrationPlan;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.RepairResult;
import dev.migrator.core.RollbackResult;

import java.util.List;

/** Runs one command on a {@link Migrator}: each is one call of the library, nothing more. */
final class Commands {
    private Commands() {
    }

    /**
     * Runs the command and describes what it did.
     *
     * @param target the target described without credentials: the one form of every report (JSON and text), built
     *               from the URL as typed, whatever the library's result says
     */
    static Report run(Migrator migrator, Settings settings, String target) {
        switch (settings.command()) {
            case MIGRATE: {
                MigrateResult r = settings.to() == null ? migrator.migrate() : migrator.migrateTo(settings.to());
                return new Report(JsonDocuments.withTarget(r.toJson(), target), TextReports.migrate(r, target));
            }
            case ROLLBACK: {
                if (settings.dryRun()) {
                    MigrationPlan plan = settings.to() == null ? migrator.rollbackPlan(settings.count())
                            : migrator.rollbackPlanTo(settings.to());
                    return new Report(JsonDocuments.plan("rollback-plan", target, plan), plan.toSql());
                }
                RollbackResult r = settings.to() == null ? migrator.rollback(settings.count())
                        : migrator.rollbackTo(settings.to());
                return new Report(JsonDocuments.withTarget(r.toJson(), target), TextReports.rollback(r, target));
            }
            case INFO: {
                List<MigrationStatus> statuses = migrator.info();
                return new Report(JsonDocuments.info(target, statuses), TextReports.info(target, statuses));
            }
            case VALIDATE:
                migrator.validate();
                DriftCommand.warnAfterValidate(migrator);
                return new Report(JsonDocuments.validate(target), TextReports.validate(target));
            case PLAN: {
                MigrationPlan plan = migrator.plan();
                return new Report(JsonDocuments.plan("plan", target, plan), plan.toSql());
            }
            case BASELINE:
                migrator.baseline(settings.to());
                return new Report(JsonDocuments.baseline(target, settings.to()),
                        TextReports.baseline(target, settings.to()));
            case REPAIR: {
                RepairResult r = settings.markApplied() == null ? migrator.repair()
                        : migrator.markApplied(settings.markApplied(), settings.reason());
                return new Report(JsonDocuments.repair(target, r), TextReports.repair(target, r));
            }
            case ADOPT:
                return AdoptCommand.run(migrator, settings.adoptFrom());
            case LINT:
                return LintReports.run(migrator, settings, target);
            case DRIFT:
                return DriftCommand.run(migrator, target);
            case DIFF:
                return DiffCommand.run(migrator, settings, target);
            default:
                throw new IllegalStateException("no such command: " + settings.command());
        }
    }
}
