package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.lint.AlterTable.Action;
import dev.migrator.jdbc.internal.lint.LintTokens.Kind;
import dev.migrator.jdbc.internal.lint.LintTokens.Token;

import java.util.Set;

/**
 * The PostgreSQL rules: statements that take a lock which queues the application's queries for as long as the
 * statement runs (a table rewrite or scan under {@code ACCESS EXCLUSIVE} or {@code SHARE}), and changes that break
 * the application version still running (renames, drops). Each finding names the lock, what the linter knows of the
 * table, and the safe alternative.
 */
final class PostgresRules {
    /** Functions whose value differs per row, so a default made of them cannot be stored once (PostgreSQL 11+). */
    private static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "TXID_CURRENT",
            "STATEMENT_TIMESTAMP", "RANDOM_NORMAL", "UUIDV7", "UUIDV4");
    private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
            "SERIAL8");
    private static final Set<String> CONSTRAINT_KINDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK",
            "EXCLUDE");

    private PostgresRules() {
    }

    static void check(LintStatement s, LintRun run) {
        if (s.startsWith("CREATE")) {
            createIndex(s, run);
        } else if (s.startsWith("ALTER")) {
            AlterTable alter = AlterTable.of(s);
            if (alter != null) {
                alterTable(s, alter, run);
            }
        } else if (s.startsWith("VACUUM")) {
            if (s.hasAnywhere("FULL")) {
                run.report("VACUUM-FULL", true, s, "VACUUM FULL rewrites each table it names under an ACCESS "
                        + "EXCLUSIVE lock: reads and writes wait until it is done",
                        "Run plain VACUUM (it takes no blocking lock), or rebuild with pg_repack outside migrations");
            }
        } else if (s.startsWith("CLUSTER")) {
            run.report("CLUSTER", true, s, "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: reads and "
                    + "writes wait until it is done", "Leave physical ordering to pg_repack --order-by, run outside "
                    + "migrations");
        } else if (s.startsWith("REINDEX")) {
            if (!s.hasAnywhere("CONCURRENTLY")) {
                run.report("REINDEX-NOT-CONCURRENT", true, s, "REINDEX without CONCURRENTLY blocks writes to the "
                        + "table (and reads that would use the index) until the index is rebuilt",
                        "REINDEX ... CONCURRENTLY (PostgreSQL 12+), in a script of its own: migrator runs it outside "
                        + "a transaction");
            }
        } else if (s.startsWith("LOCK")) {
            LintStatement.Name name = s.nameAt(s.matchesAt(1, "TABLE") ? 2 : 1);
            String risk = name == null ? "" : run.risk(name.value());
            if (risk != null) {
                run.report("LOCK-TABLE", true, s, "LOCK TABLE holds a lock (ACCESS EXCLUSIVE unless a weaker mode is "
                        + "named) until the transaction ends; every query on the table waits" + detail(risk),
                        "Drop the explicit lock: let each statement take the lock it needs, and keep the migration short");
            }
        }
    }

    private static void createIndex(LintStatement s, LintRun run) {
        int index = s.matchesAt(1, "INDEX") ? 1 : s.matchesAt(1, "UNIQUE", "INDEX") ? 2 : -1;
        if (index < 0) {
            return;
        }
        boolean concurrently = s.matchesAt(index + 1, "CONCURRENTLY");
        int on = s.find(index + 1, "ON");
        LintStatement.Name table = on < 0 ? null : s.nameAt(on + 1);
        String risk = table == null ? null : run.risk(table.value());
        if (risk == null || concurrently) {
            return;
        }
        run.report("INDEX-NOT-CONCURRENT", true, s, "CREATE INDEX without CONCURRENTLY blocks writes to "
                + table.value() + " (SHARE lock) until the index is built" + detail(risk),
                "CREATE INDEX CONCURRENTLY, in a script of its own (migrator runs it outside a transaction); if it "
                        + "fails, DROP INDEX CONCURRENTLY the invalid index and run it again");
        severalHotTables(s, table.value(), run);
    }

    private static void alterTable(LintStatement s, AlterTable alter, LintRun run) {
        String table = alter.table();
        String risk = run.risk(table);
        boolean locks = false;
        for (Action a : alter.actions()) {
            if (AlterTable.startsWith(s, a, "VALIDATE", "CONSTRAINT")) {
                LintStatement.Name name = s.nameAt(a.start() + 2);
                if (name != null) {
                    run.constraintValidated(name.value());
                }
                continue;
            }
            locks = true;
            if (AlterTable.startsWith(s, a, "RENAME")) {
                rename(s, a, table, risk, run);
            } else if (AlterTable.startsWith(s, a, "DROP") && !AlterTable.startsWith(s, a, "DROP", "CONSTRAINT")) {
                if (risk != null) {
                    run.report("DROP-COLUMN", false, s, "Dropping a column breaks the application version still "
                            + "running, which reads or writes it" + detail(risk), "Contract phase: first release an "
                            + "application that no longer uses the column, then drop it in a later migration; "
                            + "acknowledge with -- migrator:allow " + run.server().rulePrefix() + "-DROP-COLUMN <reason>");
                }
            } else if (AlterTable.startsWith(s, a, "ADD")) {
                Token kind = s.token(a.start() + 1);
                if (kind != null && kind.kind() == Kind.WORD && CONSTRAINT_KINDS.contains(kind.text())) {
                    addConstraint(s, a, table, risk, run);
                } else if (risk != null) {
                    addColumn(s, a, table, risk, run);
                }
            } else if (AlterTable.startsWith(s, a, "ALTER") && risk != null) {
                alterColumn(s, a, table, risk, run);
            }
        }
        if (locks && risk != null) {
            severalHotTables(s, table, run);
        }
    }

    private static void rename(LintStatement s, Action a, String table, String risk, LintRun run) {
        if (AlterTable.startsWith(s, a, "RENAME", "CONSTRAINT")) {
            return;
        }
        boolean ofTable = AlterTable.startsWith(s, a, "RENAME", "TO");
        if (ofTable && risk == null) {
            LintStatement.Name to = s.nameAt(a.start() + 2);
            if (to != null) {
                run.created(to.value());
            }
            return;
        }
        if (risk != null) {
            run.report("RENAME", false, s, "Renaming a " + (ofTable ? "table" : "column") + " breaks the "
                    + "application version still running: its queries fail from the moment this commits" + detail(risk),
                    ofTable ? "Expand/contract: create the new table (or rename and leave a view under the old name), "
                            + "switch the application, then drop the old name in a later migration"
                            : "Expand/contract: add the new column, write both from the application, backfill, switch "
                            + "reads, then drop the old column in a later migration");
        }
    }

    private static void addConstraint(LintStatement s, Action a, String table, String risk, LintRun run) {
        int k = a.start() + 1;
        String constraint = null;
        if (s.token(k).is("CONSTRAINT")) {
            LintStatement.Name name = s.nameAt(k + 1);
            constraint = name == null ? null : name.value();
            k = name == null ? k + 1 : name.next();
        }
        Token kind = s.token(k);
        if (kind == null) {
            return;
        }
        boolean notValid = AlterTable.find(s, a, "NOT", "VALID") >= 0;
        if (kind.is("FOREIGN") || kind.is("CHECK")) {
            if (notValid && kind.is("CHECK") && constraint != null) {
                String column = notNullColumn(s, k, a.end());
                if (column != null) {
                    run.notNullCheckAddedNotValid(constraint, table, column);
                }
            }
            if (!notValid && risk != null) {
                run.report("CONSTRAINT-NOT-VALID", true, s, "Adding a " + (kind.is("CHECK") ? "check" : "foreign key")
                        + " constraint without NOT VALID scans " + table + " to validate it while holding a lock that "
                        + "blocks writes" + (kind.is("FOREIGN") ? " (and writes to the referenced table)" : "")
                        + detail(risk), "Add it NOT VALID (new rows are checked at once), then in a later migration "
                        + "ALTER TABLE " + table + " VALIDATE CONSTRAINT ..., which lets writes go on");
            }
        } else if ((kind.is("PRIMARY") || kind.is("UNIQUE")) && risk != null
                && AlterTable.find(s, a, "USING", "INDEX") < 0) {
            run.report("UNIQUE-WITHOUT-INDEX", true, s, "Adding a " + (kind.is("PRIMARY") ? "primary key" : "unique "
                    + "constraint") + " builds its index under an ACCESS EXCLUSIVE lock: reads and writes on " + table
                    + " wait until it is built" + detail(risk), "CREATE UNIQUE INDEX CONCURRENTLY in a script of its "
                    + "own, then ALTER TABLE " + table + " ADD CONSTRAINT ... " + (kind.is("PRIMARY") ? "PRIMARY KEY"
                    : "UNIQUE") + " USING INDEX ...");
        }
    }

    /** The column of a {@code CHECK (column IS NOT NULL)} whose {@code CHECK} is at {@code check}; null otherwise. */
    private static String notNullColumn(LintStatement s, int check, int end) {
        int i = check + 1;
        while (i < end && s.token(i).isSymbol('(')) {
            i++;
        }
        Token column = s.token(i);
        if (column != null && (column.kind() == Kind.WORD || column.kind() == Kind.IDENT)
                && s.matchesAt(i + 1, "IS", "NOT", "NULL")) {
            return column.name();
        }
        return null;
    }

    private static void addColumn(LintStatement s, Action a, String table, String risk, LintRun run) {
        int i = a.start() + 1;
        if (s.token(i).is("COLUMN")) {
            i++;
        }
        LintStatement.Name column = s.nameAt(i);
        if (column == null) {
            return;
        }
        Token type = s.token(column.next());
        String why = null;
        if (type != null && SERIAL.contains(type.text())) {
            why = "a " + type.text().toLowerCase() + " column's default (nextval) is volatile";
        } else if (AlterTable.find(s, a, "GENERATED") >= 0) {
            why = "a generated or identity column is computed for every existing row";
        } else {
            int dflt = AlterTable.find(s, a, "DEFAULT");
            if (dflt >= 0) {
                String fn = volatileCall(s, dflt + 1, a.end());
                if (fn != null) {
                    why = "its default " + fn.toLowerCase() + "() is volatile, so each existing row gets its own value";
                } else if (run.server().versionKnown() && run.server().major() < 11) {
                    why = run.server().label() + " stores every default into each existing row (11+ does not)";
                }
            }
        }
        if (why != null) {
            run.report("ADD-COLUMN-REWRITE", true, s, "Adding column " + column.value() + " rewrites " + table
                    + " under an ACCESS EXCLUSIVE lock: " + why + "; reads and writes wait" + detail(risk),
                    "Add the column with no default (or a constant one), set the default for new rows with ALTER "
                            + "COLUMN ... SET DEFAULT, and backfill existing rows in batches");
        }
    }

    private static String volatileCall(LintStatement s, int from, int end) {
        for (int i = from; i < end; i++) {
            Token t = s.token(i);
            if (t.kind() == Kind.WORD && VOLATILE.contains(t.text()) && s.token(i + 1) != null
                    && s.token(i + 1).isSymbol('(')) {
                return t.text();
            }
        }
        return null;
    }

    private static void alterColumn(LintStatement s, Action a, String table, String risk, LintRun run) {
        int i = a.start() + 1;
        if (s.token(i) != null && s.token(i).is("COLUMN")) {
            i++;
        }
        LintStatement.Name column = s.nameAt(i);
        if (column == null) {
            return;
        }
        int at = column.next();
        if (s.matchesAt(at, "SET", "NOT", "NULL")) {
            if (!run.notNullProven(table, column.value())) {
                run.report("SET-NOT-NULL", true, s, "SET NOT NULL scans " + table + " under an ACCESS EXCLUSIVE "
                        + "lock to check every row: reads and writes wait" + detail(risk),
                        "Add CHECK (" + column.value() + " IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later "
                        + "migration, then SET NOT NULL (PostgreSQL 12+ uses the validated check and skips the scan) "
                        + "and drop the check");
            }
            return;
        }
        int type = s.matchesAt(at, "TYPE") ? at + 1 : s.matchesAt(at, "SET", "DATA", "TYPE") ? at + 3 : -1;
        if (type < 0 || widensText(s, type, a.end(), run.catalog().columnType(table, column.value()))) {
            return;
        }
        run.report("ALTER-COLUMN-TYPE", true, s, "Changing the type of " + column.value() + " rewrites " + table
                + " and its indexes under an ACCESS EXCLUSIVE lock (only widening a varchar, or varchar to text, is "
                + "free): reads and writes wait" + detail(risk), "Expand/contract: add a column of the new type, write "
                + "both from the application, backfill in batches, switch reads, then drop the old column");
    }

    /** Whether the new type only widens a varchar or text column, which PostgreSQL does without a rewrite. */
    private static boolean widensText(LintStatement s, int type, int end, String current) {
        if (current == null || !(current.startsWith("character varying") || current.equals("text"))) {
            return false;
        }
        Token t = s.token(type);
        if (t.is("TEXT")) {
            return true;
        }
        boolean varchar = t.is("VARCHAR") || s.matchesAt(type, "CHARACTER", "VARYING");
        if (!varchar) {
            return false;
        }
        int paren = t.is("VARCHAR") ? type + 1 : type + 2;
        if (paren >= end || !s.token(paren).isSymbol('(')) {
            return true;
        }
        if (current.equals("text") || !current.contains("(")) {
            return false;
        }
        int now = Integer.parseInt(current.replaceAll("\\D", ""));
        Token length = s.token(paren + 1);
        return length != null && length.kind() == Kind.NUMBER && Integer.parseInt(length.text()) >= now;
    }

    private static void severalHotTables(LintStatement s, String table, LintRun run) {
        if (run.ddlOnHotTable(table) && run.scriptTransactional()) {
            run.report("DDL-SEVERAL-HOT-TABLES", false, s, "This transaction locks several existing tables ("
                    + String.join(", ", run.scriptDdlTables()) + ") and holds each lock until it commits: while it "
                    + "waits for one, the application queues behind the others, and deadlocks become possible",
                    "One existing table per migration, each one short");
        }
    }

    static String detail(String risk) {
        return risk == null || risk.isEmpty() ? "" : " (" + risk + ")";
    }
}
