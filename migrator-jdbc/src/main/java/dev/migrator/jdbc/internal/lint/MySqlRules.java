package dev.migrator.jdbc.internal.lint;

import dev.migrator.jdbc.internal.lint.AlterTable.Action;
import dev.migrator.jdbc.internal.lint.LintTokens.Kind;
import dev.migrator.jdbc.internal.lint.LintTokens.Token;

import java.util.Locale;
import java.util.Set;

/**
 * The MySQL and MariaDB rules: {@code ALTER TABLE}s that InnoDB cannot run with {@code ALGORITHM=INSTANT} or
 * {@code ALGORITHM=INPLACE, LOCK=NONE} on the server at hand (so they copy the table while writes wait), index builds
 * that do not insist on {@code LOCK=NONE}, and changes that break the running application (renames, drops).
 */
final class MySqlRules {
    private static final Set<String> INDEX_WORDS = Set.of("INDEX", "KEY", "UNIQUE", "FULLTEXT", "SPATIAL");
    private static final Set<String> NOT_A_COLUMN = Set.of("INDEX", "KEY", "PRIMARY", "FOREIGN", "CONSTRAINT",
            "CHECK", "PARTITION");
    private static final Set<String> COLUMN_ATTRIBUTES = Set.of("NULL", "NOT", "DEFAULT", "COMMENT", "AFTER", "FIRST",
            "AUTO_INCREMENT", "COLLATE", "CHARACTER", "CHARSET", "PRIMARY", "UNIQUE", "KEY", "INVISIBLE", "VISIBLE",
            "ON", "GENERATED", "AS", "CHECK", "REFERENCES", "CONSTRAINT");

    private MySqlRules() {
    }

    static void check(LintStatement s, LintRun run) {
        if (s.startsWith("ALTER")) {
            AlterTable alter = AlterTable.of(s);
            if (alter != null) {
                alterTable(s, alter, run);
            }
        } else if (s.startsWith("CREATE")) {
            int on = s.find(1, "ON");
            boolean index = s.matchesAt(1, "INDEX") || s.matchesAt(2, "INDEX");
            if (index && on > 0) {
                LintStatement.Name table = s.nameAt(on + 1);
                String risk = table == null ? null : run.risk(table.value());
                if (risk != null) {
                    index(s, table.value(), risk, s.token(1).text(), lockOption(s, 0, s.size()), run);
                }
            }
        } else if (s.startsWith("RENAME", "TABLE")) {
            LintStatement.Name from = s.nameAt(2);
            String risk = from == null ? null : run.risk(from.value());
            if (risk != null) {
                renamed(s, "table", risk, run);
            } else if (from != null && s.token(from.next()) != null && s.token(from.next()).is("TO")) {
                LintStatement.Name to = s.nameAt(from.next() + 1);
                if (to != null) {
                    run.created(to.value());
                }
            }
        } else if (s.startsWith("OPTIMIZE")) {
            run.report("OPTIMIZE-TABLE", true, s, "OPTIMIZE TABLE rebuilds the whole table (InnoDB: recreate + "
                    + "analyze), with exclusive locks at its start and end and a full copy's I/O between",
                    "Leave it out of migrations; rebuild in a maintenance window or with an online schema change tool "
                    + "(gh-ost, pt-online-schema-change)");
        } else if (s.startsWith("LOCK", "TABLES") || s.startsWith("LOCK", "TABLE")) {
            run.report("LOCK-TABLE", true, s, "LOCK TABLES blocks every other session's access to the tables it "
                    + "names until UNLOCK TABLES", "Drop the explicit lock; let each statement take the lock it needs");
        }
    }

    private static void alterTable(LintStatement s, AlterTable alter, LintRun run) {
        String table = alter.table();
        String risk = run.risk(table);
        if (risk == null) {
            renameOfNewTable(s, alter, run);
            return;
        }
        run.ddlOnHotTable(table);
        String lock = lockOption(s, 0, s.size());
        String algorithm = option(s, "ALGORITHM", 0, s.size());
        boolean reported = false;
        for (Action a : alter.actions()) {
            Token verb = s.token(a.start());
            Token next = s.token(a.start() + 1);
            if (verb.is("ADD") && next != null) {
                int k = a.start() + 1;
                if (s.token(k).is("CONSTRAINT")) {
                    LintStatement.Name name = s.nameAt(k + 1);
                    k = name == null ? k + 1 : name.next();
                }
                Token kind = s.token(k);
                if (kind == null) {
                    continue;
                }
                if (INDEX_WORDS.contains(kind.text())) {
                    index(s, table, risk, kind.text(), lock, run);
                } else if (kind.is("FOREIGN")) {
                    reported |= notOnline(s, table, risk, "adding a foreign key copies the table (ALGORITHM=COPY) "
                            + "unless foreign_key_checks is off", "Add the foreign key with SET foreign_key_checks=0 "
                            + "in the same session (INPLACE, LOCK=NONE), after checking the data yourself", run);
                } else if (!kind.is("PRIMARY") && !kind.is("CHECK") && !kind.is("PARTITION")) {
                    reported |= addColumn(s, a, table, risk, run);
                }
            } else if (verb.is("MODIFY") || verb.is("CHANGE")) {
                reported |= changeColumn(s, a, table, risk, run);
            } else if (verb.is("RENAME") && next != null && !next.is("INDEX") && !next.is("KEY")) {
                renamed(s, next.is("COLUMN") ? "column" : "table", risk, run);
            } else if (verb.is("DROP") && next != null && s.matchesAt(a.start() + 1, "PRIMARY", "KEY")) {
                reported |= notOnline(s, table, risk, "dropping the primary key without adding another copies the "
                        + "table (ALGORITHM=COPY)", "Drop and add the primary key in one ALTER TABLE (INPLACE, "
                        + "LOCK=NONE)", run);
            } else if (verb.is("DROP") && next != null && !NOT_A_COLUMN.contains(next.text())) {
                run.report("DROP-COLUMN", false, s, "Dropping a column breaks the application version still running, "
                        + "which reads or writes it" + PostgresRules.detail(risk), "Contract phase: first release an "
                        + "application that no longer uses the column, then drop it in a later migration");
            } else if (verb.is("CONVERT")) {
                reported |= notOnline(s, table, risk, "converting the character set copies the table "
                        + "(ALGORITHM=COPY)", "Expand/contract: add columns in the new character set, backfill, "
                        + "switch, drop the old ones", run);
            }
        }
        if (!reported && ("COPY".equals(algorithm) || "SHARED".equals(lock) || "EXCLUSIVE".equals(lock))) {
            notOnline(s, table, risk, "the statement asks for " + ("COPY".equals(algorithm) ? "ALGORITHM=COPY"
                    : "LOCK=" + lock), "Ask for ALGORITHM=INPLACE (or INSTANT), LOCK=NONE: the server refuses if it "
                    + "cannot, instead of blocking writes", run);
        }
    }

    private static void renameOfNewTable(LintStatement s, AlterTable alter, LintRun run) {
        for (Action a : alter.actions()) {
            if (AlterTable.startsWith(s, a, "RENAME") && !AlterTable.startsWith(s, a, "RENAME", "COLUMN")
                    && !AlterTable.startsWith(s, a, "RENAME", "INDEX") && !AlterTable.startsWith(s, a, "RENAME", "KEY")) {
                int at = s.matchesAt(a.start() + 1, "TO") || s.matchesAt(a.start() + 1, "AS") ? a.start() + 2
                        : a.start() + 1;
                LintStatement.Name to = s.nameAt(at);
                if (to != null) {
                    run.created(to.value());
                }
            }
        }
    }

    private static void index(LintStatement s, String table, String risk, String kind, String lock, LintRun run) {
        if (kind.equals("FULLTEXT") || kind.equals("SPATIAL")) {
            notOnline(s, table, risk, "a " + kind + " index cannot be built with LOCK=NONE (at best LOCK=SHARED: "
                    + "writes wait)", "Build it with an online schema change tool (gh-ost, pt-online-schema-change), "
                    + "or acknowledge the write block for a small table", run);
        } else if (!"NONE".equals(lock)) {
            run.report("INDEX-WITHOUT-LOCK-NONE", false, s, "Adding an index without LOCK=NONE lets the server pick "
                    + "a blocking lock when it cannot build the index online" + PostgresRules.detail(risk),
                    "Add ALGORITHM=INPLACE, LOCK=NONE: the server then refuses rather than blocks writes");
        }
    }

    private static boolean addColumn(LintStatement s, Action a, String table, String risk, LintRun run) {
        LintServer server = run.server();
        if (AlterTable.find(s, a, "AUTO_INCREMENT") >= 0) {
            return notOnline(s, table, risk, "adding an AUTO_INCREMENT column copies the table (ALGORITHM=COPY)",
                    "Create a new table with the column, copy in batches, then swap (expand/contract)", run);
        }
        if (AlterTable.find(s, a, "STORED") >= 0) {
            return notOnline(s, table, risk, "adding a STORED generated column copies the table (ALGORITHM=COPY)",
                    "Add it VIRTUAL (instant), or add a plain column and backfill it in batches", run);
        }
        boolean positioned = AlterTable.find(s, a, "FIRST") >= 0 || AlterTable.find(s, a, "AFTER") >= 0;
        boolean instant = server.kind() == LintServer.Kind.MARIADB
                ? server.atLeast(10, 3, 2) && (!positioned || server.atLeast(10, 4, 0))
                : server.atLeast(8, 0, 12) && (!positioned || server.atLeast(8, 0, 29));
        if (!instant) {
            run.report("ALTER-REBUILD", false, s, server.label() + " cannot add this column with ALGORITHM=INSTANT"
                    + (positioned ? " at that position" : "") + ": it rebuilds " + table + " (INPLACE, LOCK=NONE: "
                    + "writes go on, but the rebuild costs a full copy's I/O and replication lag)"
                    + PostgresRules.detail(risk), "Add the column last (no FIRST/AFTER), on a server that adds columns "
                    + "instantly (MySQL 8.0.12+, MariaDB 10.3.2+), or accept the rebuild for a small table");
        }
        return false;
    }

    private static boolean changeColumn(LintStatement s, Action a, String table, String risk, LintRun run) {
        int i = a.start() + 1;
        if (s.token(i) != null && s.token(i).is("COLUMN")) {
            i++;
        }
        LintStatement.Name column = s.nameAt(i);
        if (column == null) {
            return false;
        }
        int typeAt = column.next();
        if (s.token(a.start()).is("CHANGE")) {
            LintStatement.Name newName = s.nameAt(column.next());
            if (newName == null) {
                return false;
            }
            if (!newName.value().equalsIgnoreCase(column.value())) {
                renamed(s, "column", risk, run);
            }
            typeAt = newName.next();
        }
        String newType = typeText(s, typeAt, a.end());
        String current = run.catalog().columnType(table, column.value());
        if (current != null && (normalise(current).equals(newType) || widensVarchar(normalise(current), newType))) {
            return false;
        }
        return notOnline(s, table, risk, "changing the type of " + column.value() + (current == null ? "" : " (now "
                + current + ")") + " to " + newType + " copies the table (ALGORITHM=COPY)",
                "Expand/contract: add a column of the new type, write both, backfill in batches, switch reads, drop "
                        + "the old column", "COLUMN-TYPE-CHANGE", run);
    }

    /** The column type written from {@code from} up to its first attribute, as {@code varchar(64)}. */
    private static String typeText(LintStatement s, int from, int end) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < end; i++) {
            Token t = s.token(i);
            if (t.depth() == 0 && t.kind() == Kind.WORD && i > from && COLUMN_ATTRIBUTES.contains(t.text())) {
                break;
            }
            if (b.length() > 0 && t.kind() == Kind.WORD && t.depth() == 0) {
                b.append(' ');
            }
            b.append(t.text().toLowerCase(Locale.ROOT));
        }
        return normalise(b.toString());
    }

    private static String normalise(String type) {
        return type.toLowerCase(Locale.ROOT).replaceAll("\\s*([(),])\\s*", "$1")
                .replaceAll("^integer", "int")
                .replaceAll("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1").trim();
    }

    /**
     * Whether a varchar grows within the same length-byte range (up to 255 bytes, or both above), which InnoDB does
     * in place without a copy. Counted for utf8mb4, four bytes a character, so the bound is 63 characters.
     */
    private static boolean widensVarchar(String current, String next) {
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("varchar\\((\\d+)\\)(.*)").matcher(current);
        java.util.regex.Matcher b = java.util.regex.Pattern.compile("varchar\\((\\d+)\\)(.*)").matcher(next);
        if (!a.matches() || !b.matches()) {
            return false;
        }
        int from = Integer.parseInt(a.group(1));
        int to = Integer.parseInt(b.group(1));
        return to >= from && (to <= 63 || from > 63);
    }

    private static void renamed(LintStatement s, String what, String risk, LintRun run) {
        run.report("RENAME", false, s, "Renaming a " + what + " breaks the application version still running: its "
                + "queries fail from the moment this runs" + PostgresRules.detail(risk), what.equals("table")
                ? "Expand/contract: create the new table, switch the application, drop the old one later"
                : "Expand/contract: add the new column, write both from the application, backfill, switch reads, "
                + "then drop the old column in a later migration");
    }

    private static boolean notOnline(LintStatement s, String table, String risk, String why, String fix, LintRun run) {
        return notOnline(s, table, risk, why, fix, "ALTER-NOT-ONLINE", run);
    }

    private static boolean notOnline(LintStatement s, String table, String risk, String why, String fix, String rule,
                                     LintRun run) {
        run.report(rule, true, s, run.server().label() + " cannot run this ALTER TABLE with ALGORITHM=INSTANT or "
                + "ALGORITHM=INPLACE, LOCK=NONE: " + why + ", and writes to " + table + " wait until it is done"
                + PostgresRules.detail(risk), fix);
        return true;
    }

    /** The value of {@code LOCK [=] x} among the statement's options, upper-cased, or null. */
    private static String lockOption(LintStatement s, int from, int end) {
        return option(s, "LOCK", from, end);
    }

    private static String option(LintStatement s, String name, int from, int end) {
        for (int i = from; i < end; i++) {
            Token t = s.token(i);
            if (t.depth() == 0 && t.is(name)) {
                int v = s.token(i + 1) != null && s.token(i + 1).isSymbol('=') ? i + 2 : i + 1;
                Token value = s.token(v);
                if (value != null && value.kind() == Kind.WORD) {
                    return value.text();
                }
            }
        }
        return null;
    }
}
