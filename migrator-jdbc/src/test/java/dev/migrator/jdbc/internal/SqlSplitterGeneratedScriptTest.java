package dev.migrator.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.api.spi.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Builds random scripts from known statements, joined by each syntax's terminators with random whitespace, comments,
 * line-break styles and byte order marks, and checks that splitting gives back exactly those statements and lines.
 */
class SqlSplitterGeneratedScriptTest {

    private static final long SEED = 20_240_917L;
    private static final int ITERATIONS = 300;

    private record Fragment(String text, boolean plsql, boolean needsDelimiter) {
        static Fragment sql(String text) {
            return new Fragment(text, false, false);
        }
    }

    private static final List<Fragment> COMMON = List.of(
            Fragment.sql("INSERT INTO audit (msg) VALUES ('semi; colon', 'it''s')"),
            Fragment.sql("CREATE TABLE \"odd;name\" (id INT, \"we\"\"ird\" VARCHAR(10))"),
            Fragment.sql("UPDATE t SET a = 1 /* inline; comment */ WHERE b = 'x;y'"),
            Fragment.sql("SELECT a,\n       b -- why; not\nFROM t\nWHERE c = ';'"),
            Fragment.sql("DELETE FROM t WHERE note = '--not a comment;'"));

    private static final List<Fragment> POSTGRESQL = List.of(
            Fragment.sql("SELECT E'esc\\'aped; text', U&'d\\0061t;'"),
            Fragment.sql("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$\nBEGIN\n  RETURN 1; -- $$ inside\nEND;\n$fn$"),
            Fragment.sql("DO $$ BEGIN PERFORM 1; END $$"),
            Fragment.sql("SELECT 1 /* outer /* inner; */ still; */ + 2"),
            Fragment.sql("CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                    + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n  SELECT a;\nEND"),
            Fragment.sql("PREPARE q(int) AS SELECT $1"),
            Fragment.sql("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2))"));

    private static final List<Fragment> MYSQL = List.of(
            Fragment.sql("INSERT INTO t VALUES ('it\\'s; fine', \"say \\\"hi\\\";\")"),
            Fragment.sql("SELECT `we;ird``col` FROM `t;x`"),
            Fragment.sql("SELECT 1 # hash; comment\n + 2"),
            Fragment.sql("UPDATE t SET n = n--1"),
            Fragment.sql("/*!40101 SET NAMES utf8mb4 */"),
            Fragment.sql("CREATE TABLE t2 (id INT) /*!50100 ENGINE=InnoDB */"),
            new Fragment("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 'a;b';\nEND", false, true),
            new Fragment("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.a = 1;\nEND", false, true));

    private static final List<Fragment> H2 = List.of(
            Fragment.sql("CREATE ALIAS REV AS $$\nString rev(String s) { return s; } // java; comment\n$$"),
            Fragment.sql("SELECT 1 // slash; comment\n + 2"));

    private static final List<Fragment> SQLSERVER = List.of(
            Fragment.sql("CREATE PROCEDURE dbo.p AS\nBEGIN\n  SET NOCOUNT ON;\n  SELECT 1;\nEND"),
            Fragment.sql("SELECT [a]]b;c] FROM [t;]"),
            Fragment.sql("INSERT INTO t VALUES (N'x\nGO\ny')"),
            Fragment.sql("SELECT 1 /* c\nGO\n /* nested\nGO */\n*/ + 2"),
            Fragment.sql("BEGIN\n  GOTO done\n  done:\n  PRINT 'GO'\nEND"),
            Fragment.sql("SELECT 1; SELECT 2"));

    private static final List<Fragment> ORACLE = List.of(
            Fragment.sql("INSERT INTO t VALUES (q'[a;b]', Q'{c;}')"),
            Fragment.sql("SELECT nq'!x;!' FROM dual"),
            Fragment.sql("SELECT 10 / 2 FROM dual"),
            Fragment.sql("SELECT 10 /\n  2 FROM dual"),
            new Fragment("CREATE OR REPLACE PROCEDURE p IS\nBEGIN\n  NULL; -- noop;\nEND;", true, false),
            new Fragment("BEGIN\n  p;\nEND;", true, false),
            new Fragment("DECLARE\n  x NUMBER := 1;\nBEGIN\n  x := x / 1;\nEND;", true, false),
            new Fragment("CREATE OR REPLACE PACKAGE pk AS\n  PROCEDURE a;\nEND pk;", true, false),
            new Fragment("CREATE TYPE pt AS OBJECT (x NUMBER);", true, false),
            new Fragment("create or replace trigger trg before insert on t for each row\nbegin\n  :NEW.id := 1;\nend;",
                    true, false));

    private static final List<String> GAPS = List.of(
            "", " ", "\n", "\n\n  ", "\t", "-- note; here\n", "/* block; comment */ ", "/* multi\n line; */\n");

    @ParameterizedTest
    @EnumSource(SqlSyntax.class)
    void randomScriptsSplitBackIntoTheirStatementsWithTheirLines(SqlSyntax syntax) {
        Random random = new Random(SEED + syntax.ordinal());
        for (int i = 0; i < ITERATIONS; i++) {
            Generator generated = new Generator(syntax, random);
            generated.generate();
            String script = generated.script.toString();

            assertThat(SqlSplitter.split(script, syntax, "gen.sql"))
                    .as("iteration %d, script:%n%s", i, script)
                    .containsExactlyElementsOf(generated.expected);
        }
    }

    private static final class Generator {
        private final SqlSyntax syntax;
        private final Random random;
        private final String nl;
        private final StringBuilder script = new StringBuilder();
        private final List<ScriptStatement> expected = new ArrayList<>();
        private int line = 1;
        private String delimiter = ";";

        Generator(SqlSyntax syntax, Random random) {
            this.syntax = syntax;
            this.random = random;
            this.nl = pick(List.of("\n", "\r\n", "\r"));
        }

        void generate() {
            if (random.nextInt(5) == 0) {
                script.append('\uFEFF');
            }
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                boolean last = i == count - 1;
                append(gap());
                Fragment fragment = pick(pool());
                if (syntax == SqlSyntax.MYSQL) {
                    switchDelimiter(fragment);
                }
                String text = fragment.text().replace("\n", nl);
                int repeat = 1;
                int fragmentLine = line;
                append(fragment.text());
                if (!last || random.nextInt(3) != 0) {
                    repeat = terminate(fragment);
                }
                for (int r = 0; r < repeat; r++) {
                    expected.add(new ScriptStatement(text, fragmentLine));
                }
            }
            if (random.nextBoolean()) {
                append(gap());
            }
        }

        private List<Fragment> pool() {
            List<Fragment> pool = new ArrayList<>(COMMON);
            pool.addAll(switch (syntax) {
                case POSTGRESQL -> POSTGRESQL;
                case MYSQL -> MYSQL;
                case H2 -> H2;
                case SQLSERVER -> SQLSERVER;
                case ORACLE -> ORACLE;
            });
            return pool;
        }

        private String gap() {
            List<String> gaps = new ArrayList<>(GAPS);
            switch (syntax) {
                case POSTGRESQL -> gaps.add("/* a /* nested; */ b; */\n");
                case MYSQL -> gaps.add("# hash; comment\n");
                case H2 -> gaps.add("// slash; comment\n");
                case SQLSERVER -> gaps.addAll(List.of("/* x\nGO\n*/\n", "-- GO\n", "\nGO\n"));
                case ORACLE -> gaps.add("\n/\n");
            }
            StringBuilder gap = new StringBuilder();
            for (int n = random.nextInt(3); n > 0; n--) {
                gap.append(pick(gaps));
            }
            return gap.toString();
        }

        private void switchDelimiter(Fragment fragment) {
            String wanted = delimiter;
            if (fragment.needsDelimiter() && delimiter.equals(";")) {
                wanted = pick(List.of("$$", "//"));
            } else if (!fragment.needsDelimiter() && random.nextInt(4) == 0) {
                wanted = pick(List.of(";", "$$", "//"));
            }
            if (!wanted.equals(delimiter)) {
                append("\n" + pick(List.of("DELIMITER ", "delimiter ", "Delimiter\t")) + wanted + "\n");
                append(gap());
                delimiter = wanted;
            }
        }

        /** Appends a terminator and returns how many times the statement runs (GO n repeats it). */
        private int terminate(Fragment fragment) {
            switch (syntax) {
                case SQLSERVER -> {
                    if (random.nextBoolean()) {
                        append(";");
                    }
                    append(pick(List.of("", " /* t; */", " -- t;")));
                    int repeat = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 1;
                    String count = repeat > 1 || random.nextInt(4) == 0 ? " " + repeat : "";
                    append("\n" + pick(List.of("", "  ", "\t")) + pick(List.of("GO", "go", "Go")) + count
                            + pick(List.of("", " ", " -- batch; done")) + "\n");
                    return repeat;
                }
                case ORACLE -> {
                    if (fragment.plsql() || random.nextInt(4) == 0) {
                        append(pick(List.of("", " -- t;")) + "\n" + pick(List.of("", " ", "\t")) + "/"
                                + pick(List.of("", "  ")) + "\n");
                        return 1;
                    }
                }
                default -> {
                }
            }
            append(pick(List.of("", " ", " /* t; */", " -- t;\n", "\n")));
            append(syntax == SqlSyntax.MYSQL ? delimiter : ";");
            append(pick(List.of("", "", " -- after; it\n", " /* after; */")));
            return 1;
        }

        private void append(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) == '\n') {
                    line++;
                }
            }
            script.append(raw.replace("\n", nl));
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }
}
