package dev.migrator.bench;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * One boot of a service using Liquibase 4 the way Spring Boot's {@code SpringLiquibase} does: a connection, a
 * {@code Liquibase} over the changelog, then {@code update()}. Liquibase takes an open connection where the others
 * open their own, so the timed part starts before connecting, as theirs does. In S5: {@code validate()}, or
 * {@code getChangeSetStatuses} (what {@code status} reports) for info.
 */
public final class LiquibaseMain {
    private LiquibaseMain() {
    }

    /** Runs one measurement; see {@link ChildArgs}. */
    @SuppressWarnings("deprecation") // Liquibase.update is what SpringLiquibase 4.x calls; CommandScope does the same.
    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        ChildArgs.startLogging("liquibase");
        long start = System.nanoTime();
        Connection c = DriverManager.getConnection(args.url(), args.user(), ChildArgs.password());
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        int applied = -1;
        try (Liquibase liquibase = new Liquibase(Workload.CHANGELOG, new DirectoryResourceAccessor(args.scripts()),
                database)) {
            switch (args.mode()) {
                case "validate" -> {
                    liquibase.validate();
                    applied = 0;
                }
                case "info" -> applied = liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression())
                        .isEmpty() ? -1 : 0;
                default -> liquibase.update(new Contexts(), new LabelExpression());
            }
        }
        ChildArgs.report(start, applied);
    }
}
