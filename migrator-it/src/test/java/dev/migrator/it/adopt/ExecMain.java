package dev.migrator.it.adopt;

import dev.migrator.core.ExecResult;
import dev.migrator.core.Migrator;
import dev.migrator.jdbc.JdbcTarget;

import java.util.Arrays;

/**
 * A separate JVM that runs another tool's command through {@code Migrator.exec}, as a pipeline job or a replica's
 * start-up would: args are url, user, password, tool, location, then the command. Prints the result's JSON.
 */
public final class ExecMain {
    private ExecMain() {
    }

    public static void main(String[] args) {
        ExecResult result = Migrator.builder().target(JdbcTarget.of(args[0], args[1], args[2])).locations(args[4])
                .build().exec(args[3], Arrays.asList(args).subList(5, args.length));
        System.out.println(result.toJson());
        System.exit(result.succeeded() ? 0 : 1);
    }
}
