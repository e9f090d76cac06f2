package dev.migrator.jdbc.internal.lint;

import dev.migrator.api.spi.LintInput;
import dev.migrator.api.spi.LintIssue;
import dev.migrator.jdbc.internal.SqlSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' parsing and bookkeeping, without a database; the real-database cases are in migrator-it. */
class SqlLintTest {
    private static final LintServer PG = new LintServer(LintServer.Kind.POSTGRESQL, 15, 4, 0);
    private static final LintServer MARIADB = new LintServer(LintServer.Kind.MARIADB, 10, 11, 6);
    private static final SqlSyntax PG_SQL = SqlSyntax.POSTGRESQL;

    private static List<LintIssue> lint(LintServer server, LintCatalog catalog, String... scripts) {
        List<LintInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            inputs.add(new LintInput("V" + (i + 1) + "__s.sql", scripts[i]));
        }
        SqlSyntax syntax = server.mysqlFamily() ? SqlSyntax.MYSQL : SqlSyntax.POSTGRESQL;
        return new SqlLint(server, catalog, syntax).lint(inputs);
    }

    private static List<String> rules(LintServer server, LintCatalog catalog, String... scripts) {
        return lint(server, catalog, scripts).stream().map(LintIssue::rule).toList();
    }

    private static LintCatalog orders(long rows) {
        return LintCatalog.of(Map.of("orders", rows, "customers", 10L), Map.of("orders.note", "character varying(40)"),
                Set.of());
    }

    @Test
    void anInsertOfLiteralRows_isReadByItsFirstWord_butAnInsertThatSelects_whollyAndStillFlagged() {
        assertThat(SqlLint.tokens("INSERT INTO t VALUES (1, 'a'), (2, 'b')", PG_SQL)).hasSize(1);
        assertThat(SqlLint.tokens("insert into t values ('selected')", PG_SQL)).hasSizeGreaterThan(1);
        assertThat(SqlLint.tokens("INSERT INTO t SELECT * FROM orders", PG_SQL)).hasSizeGreaterThan(1);
        assertThat(SqlLint.tokens("UPDATE t SET a = 1", PG_SQL)).hasSizeGreaterThan(1);
        // The same findings as before: a copy from a large table beside a schema change is flagged, literal rows
        // are not.
        assertThat(rules(PG, orders(5_000_000), "ALTER TABLE orders ADD COLUMN note2 TEXT;\n"
                + "INSERT INTO archive SELECT * FROM orders;")).contains("SQL-DDL-WITH-DML");
        assertThat(rules(PG, orders(5_000_000), "ALTER TABLE orders ADD COLUMN note2 TEXT;\n"
                + "INSERT INTO archive (id) VALUES (1), (2);")).doesNotContain("SQL-DDL-WITH-DML");
    }

    @Test
    void aCreateTable_isReadUpToItsName_anythingElseWholly() {
        String create = "CREATE TABLE IF NOT EXISTS app.t_1 (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                + "amount DECIMAL(12,2), created_on DATE)";
        assertThat(SqlLint.tokens(create, PG_SQL)).hasSize(SqlLint.CREATE_TABLE_HEAD)
                .extracting(LintTokens.Token::text).startsWith("CREATE", "TABLE", "IF", "NOT", "EXISTS", "APP", ".",
                        "T_1", "(");
        assertThat(SqlLint.tokens(create, PG_SQL))
                .isEqualTo(LintTokens.of(create, PG_SQL, SqlLint.CREATE_TABLE_HEAD));
        // Not a table, or one that says CONCURRENTLY somewhere: every token.
        String index = "CREATE UNIQUE INDEX ix_table ON orders (a, b, c, d, e, f, g, h, i, j, k, l, m, n)";
        assertThat(SqlLint.tokens(index, PG_SQL)).isEqualTo(LintTokens.of(index, PG_SQL));
        String odd = create.replace("created_on DATE", "concurrently DATE");
        assertThat(SqlLint.tokens(odd, PG_SQL)).isEqualTo(LintTokens.of(odd, PG_SQL));
        String shortOne = "CREATE TABLE t (id INT)";
        assertThat(SqlLint.tokens(shortOne, PG_SQL)).isEqualTo(LintTokens.of(shortOne, PG_SQL));
        // What the rules make of it is unchanged: the table counts as created by the pending set.
        for (LintServer server : List.of(PG, MARIADB)) {
            assertThat(lint(server, LintCatalog.offline(), "CREATE INDEX i ON invoices (amount);")).isNotEmpty();
            assertThat(lint(server, LintCatalog.offline(), create.replace("app.t_1", "invoices") + ";",
                    "CREATE INDEX i ON invoices (amount);")).isEmpty();
        }
    }

    @Test
    void offline_flagsWhatItCannotRuleOut_andSaysSo() {
        List<LintIssue> issues = lint(PG, LintCatalog.offline(), "CREATE INDEX i ON orders (total);");

        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("PG-INDEX-NOT-CONCURRENT");
            assertThat(i.error()).isTrue();
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.message()).contains("offline", "orders");
            assertThat(i.fix()).contains("CONCURRENTLY");
        });
    }

    @Test
    void online_namesTheTableSize() {
        assertThat(lint(PG, orders(123_456), "CREATE INDEX i ON public.orders (total);"))
                .singleElement().extracting(LintIssue::message).asString().contains("about 123,456 rows");
    }

    @Test
    void online_aTableThatDoesNotExistIsNoRisk() {
        assertThat(lint(PG, orders(5), "CREATE INDEX i ON invoices (total);")).isEmpty();
    }

    @Test
    void aTableCreatedEarlierInThePendingSet_isNoRisk() {
        assertThat(lint(PG, LintCatalog.offline(),
                "CREATE TABLE invoices (id bigint primary key, total numeric);",
                "CREATE INDEX i ON invoices (total);\nALTER TABLE invoices ADD COLUMN n int DEFAULT random();\n"
                        + "UPDATE invoices SET n = 1;\nALTER TABLE invoices RENAME COLUMN n TO m;")).isEmpty();
    }

    @Test
    void aTableRenamedAfterCreation_staysNew() {
        assertThat(lint(PG, LintCatalog.offline(), "CREATE TABLE a (id int);\nALTER TABLE a RENAME TO b;",
                "CREATE INDEX i ON b (id);")).isEmpty();
    }

    @Test
    void aDroppedAndRecreatedTable_isNew() {
        assertThat(rules(PG, orders(10), "DROP TABLE orders;\nCREATE TABLE orders (id int);\nCREATE INDEX i ON orders (id);"))
                .containsExactly("PG-DROP-TABLE");
    }

    @Test
    void allowComment_acknowledgesTheNamedRuleOnly() {
        List<LintIssue> issues = lint(PG, LintCatalog.offline(),
                "-- migrator:allow PG-INDEX-NOT-CONCURRENT orders holds 40 rows\n"
                        + "CREATE INDEX i ON orders (total);\n"
                        + "-- migrator:allow PG-RENAME wrong rule\n"
                        + "CREATE INDEX j ON orders (id);");

        assertThat(issues).extracting(LintIssue::line, LintIssue::acknowledgedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "orders holds 40 rows"),
                        org.assertj.core.groups.Tuple.tuple(4, null));
    }

    @Test
    void allowComments_stackAboveOneStatement() {
        List<LintIssue> issues = lint(PG, LintCatalog.offline(),
                "-- migrator:allow PG-INDEX-NOT-CONCURRENT small\n-- migrator:allow PG-DDL-SEVERAL-HOT-TABLES fine\n"
                        + "CREATE INDEX i ON a (x);\nCREATE INDEX j ON b (y);");
        assertThat(issues).extracting(LintIssue::rule, LintIssue::acknowledgedBy).contains(
                org.assertj.core.groups.Tuple.tuple("PG-INDEX-NOT-CONCURRENT", "small"));
    }

    @Test
    void setNotNull_isSafeAfterAValidatedCheckInThePendingSet() {
        assertThat(rules(PG, orders(10),
                "ALTER TABLE orders ADD CONSTRAINT orders_note_nn CHECK (note IS NOT NULL) NOT VALID;",
                "ALTER TABLE orders VALIDATE CONSTRAINT orders_note_nn;",
                "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;")).isEmpty();
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"))
                .containsExactly("PG-SET-NOT-NULL");
    }

    @Test
    void setNotNull_isSafeWithAValidatedCheckInTheCatalog() {
        LintCatalog c = LintCatalog.of(Map.of("orders", 10L), Map.of(), Set.of("orders.note"));
        assertThat(rules(PG, c, "ALTER TABLE orders ALTER note SET NOT NULL;")).isEmpty();
    }

    @Test
    void alterType_widensVarcharFreely_butNotOffline() {
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ALTER COLUMN note TYPE varchar(80);")).isEmpty();
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ALTER COLUMN note TYPE text;")).isEmpty();
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ALTER COLUMN note TYPE varchar(20);"))
                .containsExactly("PG-ALTER-COLUMN-TYPE");
        assertThat(rules(PG, LintCatalog.offline(), "ALTER TABLE orders ALTER COLUMN note TYPE text;"))
                .containsExactly("PG-ALTER-COLUMN-TYPE");
    }

    @Test
    void addColumnDefault_constantIsFreeFromPostgres11_anyDefaultRewritesBefore() {
        String sql = "ALTER TABLE orders ADD COLUMN state text DEFAULT 'new';";
        assertThat(rules(PG, orders(10), sql)).isEmpty();
        assertThat(rules(new LintServer(LintServer.Kind.POSTGRESQL, 10, 21, 0), orders(10), sql))
                .containsExactly("PG-ADD-COLUMN-REWRITE");
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ADD COLUMN id2 uuid DEFAULT gen_random_uuid();"))
                .containsExactly("PG-ADD-COLUMN-REWRITE");
        assertThat(rules(PG, orders(10), "ALTER TABLE orders ADD COLUMN seq bigserial;"))
                .containsExactly("PG-ADD-COLUMN-REWRITE");
    }

    @Test
    void severalHotTablesInOneTransaction_isReportedOnce_butNotOutsideATransaction() {
        assertThat(rules(PG, LintCatalog.offline(), "ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUMN y int;\n"
                + "ALTER TABLE c ADD COLUMN z int;")).containsExactly("PG-DDL-SEVERAL-HOT-TABLES");
        assertThat(rules(PG, LintCatalog.offline(), "-- migrator:transaction=false\nALTER TABLE a ADD COLUMN x int;\n"
                + "ALTER TABLE b ADD COLUMN y int;")).isEmpty();
    }

    /**
     * Issue 13 item 8, in the linter that every migrate runs (LintMode.WARN by default): its own MULTILINE regex for
     * the directive took seconds on 100 KiB of blank lines, and minutes on 300 KiB, before any migration ran.
     */
    @Test
    @Timeout(20)
    void theTransactionDirective_belowHundredsOfKibOfBlankLines_isReadQuickly() {
        String blanks = " \n".repeat(300 * 1024);
        String script = blanks + "-- migrator:transaction=false\nALTER TABLE a ADD COLUMN x int;\n"
                + "ALTER TABLE b ADD COLUMN y int;";
        assertThat(rules(PG, LintCatalog.offline(), script)).isEmpty();
        assertThat(rules(PG, LintCatalog.offline(), blanks + "ALTER TABLE a ADD COLUMN x int;\n"
                + "ALTER TABLE b ADD COLUMN y int;\nALTER TABLE c ADD COLUMN z int;"))
                .containsExactly("PG-DDL-SEVERAL-HOT-TABLES");
    }

    @Test
    void aMalformedDirective_isLeftToTheRun_andTheScriptLintedAsTransactional() {
        assertThat(rules(PG, LintCatalog.offline(), "-- migrator:transaction=maybe\nALTER TABLE a ADD COLUMN x int;\n"
                + "ALTER TABLE b ADD COLUMN y int;\nALTER TABLE c ADD COLUMN z int;"))
                .containsExactly("PG-DDL-SEVERAL-HOT-TABLES");
    }

    @Test
    void ddlWithLargeDml_isReportedOncePerScript() {
        assertThat(rules(PG, orders(50_000), "ALTER TABLE orders ADD COLUMN state text;\n"
                + "UPDATE orders SET state = 'new' WHERE state IS NULL;")).containsExactly("SQL-DDL-WITH-DML");
        assertThat(rules(PG, orders(50), "ALTER TABLE orders ADD COLUMN state text;\n"
                + "UPDATE orders SET state = 'new' WHERE state IS NULL;")).isEmpty();
    }

    @Test
    void updateWithWhereInsideASubquery_isStillWithoutWhere() {
        assertThat(rules(PG, orders(10), "UPDATE orders SET total = (SELECT 1 FROM customers WHERE id = 1);"))
                .containsExactly("SQL-UPDATE-WITHOUT-WHERE");
    }

    @Test
    void mysqlColumnTypeChange_isFreeWhenOnlyTheNameOrAttributesChange() {
        LintCatalog c = LintCatalog.of(Map.of("orders", 10L), Map.of("orders.note", "varchar(40)",
                "orders.qty", "int(11)"), Set.of());
        assertThat(rules(MARIADB, c, "ALTER TABLE orders MODIFY note VARCHAR(40) NOT NULL DEFAULT '';")).isEmpty();
        assertThat(rules(MARIADB, c, "ALTER TABLE orders MODIFY COLUMN qty INT NULL;")).isEmpty();
        assertThat(rules(MARIADB, c, "ALTER TABLE orders MODIFY note VARCHAR(60);")).isEmpty();
        assertThat(rules(MARIADB, c, "ALTER TABLE orders MODIFY note VARCHAR(100);"))
                .containsExactly("MYSQL-COLUMN-TYPE-CHANGE");
        assertThat(rules(MARIADB, c, "ALTER TABLE orders CHANGE note remark VARCHAR(40);"))
                .containsExactly("MYSQL-RENAME");
    }

    @Test
    void mysqlAddColumn_isInstantOnNewServers_andSaysWhichVersionOnOld() {
        String sql = "ALTER TABLE orders ADD COLUMN state VARCHAR(10) NULL;";
        assertThat(rules(MARIADB, orders(10), sql)).isEmpty();
        List<LintIssue> old = lint(new LintServer(LintServer.Kind.MARIADB, 10, 2, 44), orders(10), sql);
        assertThat(old).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("MYSQL-ALTER-REBUILD");
            assertThat(i.message()).contains("MariaDB 10.2.44");
        });
        assertThat(rules(new LintServer(LintServer.Kind.MYSQL, 8, 0, 20), orders(10),
                "ALTER TABLE orders ADD COLUMN state INT AFTER id;")).containsExactly("MYSQL-ALTER-REBUILD");
    }

    @Test
    void serverVersion_isReadFromMariaDbsCompatibilityPrefix() {
        assertThat(LintServer.of("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1", "mysql"))
                .isEqualTo(new LintServer(LintServer.Kind.MARIADB, 10, 11, 6));
        assertThat(LintServer.of("MariaDB", "10.11.6-MariaDB", "mysql"))
                .isEqualTo(new LintServer(LintServer.Kind.MARIADB, 10, 11, 6));
        assertThat(LintServer.of("PostgreSQL", "15.4 (Debian 15.4-1)", "postgresql").major()).isEqualTo(15);
    }

    @Test
    void otherDatabases_getTheCommonRulesOnly() {
        LintServer h2 = new LintServer(LintServer.Kind.OTHER, 2, 2, 0);
        assertThat(new SqlLint(h2, LintCatalog.offline(), SqlSyntax.H2).lint(List.of(new LintInput("V1__x.sql",
                "CREATE INDEX i ON t (a);\nDELETE FROM t;\nDROP TABLE u;"))))
                .extracting(LintIssue::rule).containsExactly("SQL-DELETE-WITHOUT-WHERE", "SQL-DROP-TABLE");
    }

    @Test
    void offlineEntryPoint_picksRulesByDialectName() {
        List<LintInput> in = List.of(new LintInput("V1__x.sql", "OPTIMIZE TABLE t;"));
        assertThat(SqlLint.offline("mariadb", in)).extracting(LintIssue::rule).containsExactly("MYSQL-OPTIMIZE-TABLE");
        assertThat(SqlLint.offline("postgresql", in)).isEmpty();
    }
}
