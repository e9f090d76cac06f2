package dev.migrator.jdbc.internal.lint;

/**
 * The rules for any database: data changes that lock a whole existing table, dropping a table the running
 * application still uses, and schema and data changes mixed in one migration. Also keeps track of the tables the
 * pending scripts create, which are no risk to anyone.
 */
final class CommonRules {

    private CommonRules() {
    }

    static void check(LintStatement s, LintRun run) {
        if (s.startsWith("UPDATE")) {
            LintStatement.Name table = s.nameAt(s.matchesAt(1, "LOW_PRIORITY") || s.matchesAt(1, "IGNORE") ? 2 : 1);
            dml(s, table, "UPDATE", run);
        } else if (s.startsWith("DELETE")) {
            int from = s.find(1, "FROM");
            dml(s, from < 0 ? null : s.nameAt(from + 1), "DELETE", run);
        } else if (s.startsWith("INSERT") || s.startsWith("REPLACE")) {
            int select = s.find(1, "SELECT");
            int from = select < 0 ? -1 : s.find(select, "FROM");
            LintStatement.Name source = from < 0 ? null : s.nameAt(from + 1);
            if (source != null && run.large(source.value())) {
                run.largeDml(s);
            }
        } else if (s.startsWith("DROP", "TABLE")) {
            dropTable(s, run);
        } else if (run.server().kind() == LintServer.Kind.OTHER && s.startsWith("ALTER", "TABLE")) {
            LintStatement.Name table = s.nameAt(2);
            if (table != null && run.risk(table.value()) != null) {
                run.ddlOnHotTable(table.value());
            }
        }
    }

    /** After the dialect's rules saw the statement: remembers the tables it creates. */
    static void track(LintStatement s, LintRun run) {
        if (!s.startsWith("CREATE")) {
            return;
        }
        int table = s.find(1, "TABLE");
        if (table < 0 || table > 4) {
            return;
        }
        LintStatement.Name name = s.nameAt(table + 1);
        if (name == null) {
            return;
        }
        boolean ifNotExists = s.matchesAt(table + 1, "IF", "NOT", "EXISTS");
        // CREATE TABLE IF NOT EXISTS on a table that is there creates nothing: it stays an existing table.
        if (!ifNotExists || !run.catalog().online() || !run.catalog().mayExist(name.value())) {
            run.created(name.value());
        }
    }

    /** At the end of a script: a migration that changes an existing table's schema and many rows. */
    static void endScript(LintRun run) {
        LintStatement dml = run.mixedDdlAndDml();
        if (dml == null) {
            return;
        }
        boolean mysql = run.server().mysqlFamily();
        run.reportAny("DDL-WITH-DML", false, dml, "This migration changes the schema of "
                + String.join(", ", run.scriptDdlTables()) + " and changes many rows in the same migration: "
                + (mysql ? "the DDL commits implicitly, so if the data change fails the migration is half applied, "
                + "and the data change runs as one long transaction"
                : "the DDL's lock is held until the data change commits, and every query on the table waits"),
                "Put the data change in a migration of its own, after the schema change, and batch it "
                        + "(or backfill from the application)");
    }

    private static void dml(LintStatement s, LintStatement.Name table, String verb, LintRun run) {
        if (table == null) {
            return;
        }
        String risk = run.risk(table.value());
        if (risk == null) {
            return;
        }
        if (run.large(table.value())) {
            run.largeDml(s);
        }
        if (!s.has("WHERE")) {
            run.reportAny(verb + "-WITHOUT-WHERE", true, s, verb + " without WHERE changes every row of "
                    + table.value() + " in one transaction and keeps them all locked until it commits"
                    + PostgresRules.detail(risk), "Change rows in batches by key range (one migration per batch, or a "
                    + "backfill job); if every row is meant, acknowledge with -- migrator:allow SQL-" + verb
                    + "-WITHOUT-WHERE <reason>");
        }
    }

    private static void dropTable(LintStatement s, LintRun run) {
        int i = 2;
        while (true) {
            LintStatement.Name name = s.nameAt(i);
            if (name == null) {
                return;
            }
            String risk = run.risk(name.value());
            if (risk != null) {
                run.report("DROP-TABLE", false, s, "Dropping table " + name.value() + " breaks the application "
                        + "version still running, if it uses the table" + PostgresRules.detail(risk),
                        "Contract phase: first release an application that no longer uses the table, then drop it in a "
                        + "later migration; acknowledge with -- migrator:allow " + run.server().rulePrefix()
                        + "-DROP-TABLE <reason>");
            }
            run.dropped(name.value());
            LintTokens.Token next = s.token(name.next());
            if (next == null || !next.isSymbol(',')) {
                return;
            }
            i = name.next() + 1;
        }
    }
}
