package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of scripts whose split is known, and of garbage, for one syntax. Used by
 * {@code SplitterFuzzTest} (a few thousand scripts in the suite) and by migrator-bench's {@code SplitterFuzzMain}
 * (100,000 per dialect). Each generated script is statements built from tokens that hold the syntax's traps (a
 * {@code ;} in strings, quoted identifiers, comments, dollar quotes, q-quotes, executable comments) with comments
 * and blank lines between them; the splitter must give back exactly those statements, at their lines. Garbage must
 * either split or be refused with a {@link ConfigurationException}, never anything else.
 */
final class SplitterFuzz {

    /** What one run found. */
    record Result(SqlSyntax syntax, int scripts, long statements, long bytes, int mismatches,
                         int garbageRefused, int garbageSplit, int crashes, long nanos, String firstProblem) {
        @Override
        public String toString() {
            return String.format("%-10s %,8d scripts %,10d statements %,12d bytes  mismatches %d  crashes %d  "
                            + "garbage refused %,d split %,d  %,.0f ms",
                    syntax, scripts, statements, bytes, mismatches, crashes, garbageRefused, garbageSplit,
                    nanos / 1e6);
        }
    }

    private final SqlSyntax syntax;
    private final Random random;

    SplitterFuzz(SqlSyntax syntax, long seed) {
        this.syntax = syntax;
        this.random = new Random(seed);
    }

    /** Runs {@code scripts} known-split scripts and as many garbage ones. */
    Result run(int scripts) {
        long start = System.nanoTime();
        long statements = 0;
        long bytes = 0;
        int mismatches = 0;
        int refused = 0;
        int split = 0;
        int crashes = 0;
        String first = null;
        for (int n = 0; n < scripts; n++) {
            List<String> expected = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            String script = script(expected, lines);
            bytes += script.length();
            statements += expected.size();
            try {
                List<ScriptStatement> got = SqlSplitter.split(script, syntax, "V1__fuzz.sql");
                List<String> texts = got.stream().map(ScriptStatement::text).toList();
                List<Integer> gotLines = got.stream().map(ScriptStatement::line).toList();
                if (!texts.equals(expected) || !gotLines.equals(lines)) {
                    mismatches++;
                    first = first != null ? first : "script:\n" + script + "\nexpected " + expected + " at " + lines
                            + "\ngot " + texts + " at " + gotLines;
                }
            } catch (RuntimeException e) {
                crashes++;
                first = first != null ? first : "script:\n" + script + "\nthrew " + e;
            }
            String garbage = garbage();
            bytes += garbage.length();
            try {
                SqlSplitter.split(garbage, syntax, "V1__garbage.sql");
                split++;
            } catch (ConfigurationException e) {
                refused++;
            } catch (RuntimeException e) {
                crashes++;
                first = first != null ? first : "garbage:\n" + garbage + "\nthrew " + e;
            }
        }
        return new Result(syntax, scripts, statements, bytes, mismatches, refused, split, crashes,
                System.nanoTime() - start, first);
    }

    private String script(List<String> expected, List<Integer> lines) {
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            out.append(between());
            String statement = statement();
            lines.add(lineAt(out));
            expected.add(statement);
            out.append(statement);
            out.append(terminator(i == count - 1));
        }
        out.append(between());
        return out.toString();
    }

    private static int lineAt(StringBuilder out) {
        int line = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private String terminator(boolean last) {
        return switch (syntax) {
            case SQLSERVER -> "\nGO\n";
            case ORACLE -> random.nextBoolean() ? ";\n" : ";";
            default -> last && random.nextInt(4) == 0 ? "" : ";";
        };
    }

    /** Blank space and whole comments between statements, which the splitter drops. */
    private String between() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> b.append("\n");
                case 1 -> b.append("-- note; 'x\n");
                case 2 -> b.append(syntax == SqlSyntax.MYSQL ? "# hash; comment\n" : "/* c; 'x */\n");
                default -> b.append("  \t\n");
            }
        }
        return b.toString();
    }

    /** A statement: a first keyword, then tokens; never ends with a comment, so its text is known exactly. */
    private String statement() {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? "SELECT" : "INSERT INTO t VALUES");
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(' ').append(token());
        }
        b.append(' ').append(word());
        return b.toString();
    }

    private String word() {
        String[] words = {"a", "b1", "x_y", "end", "go", "begin", "delimiter_x", "if", "case", "loop"};
        return words[random.nextInt(words.length)];
    }

    private String token() {
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> "'it''s; fine'";
            case 1 -> syntax == SqlSyntax.MYSQL ? "`odd;name`" : syntax == SqlSyntax.SQLSERVER ? "[odd;name]" : "\"odd;name\"";
            case 2 -> "/* in; side */";
            case 3 -> "-- line; comment\n 0";
            case 4 -> "(1, 2)";
            case 5 -> switch (syntax) {
                case POSTGRESQL -> random.nextBoolean() ? "$tag$ a; 'b $tag$" : "$€$ x; $€$";
                case H2 -> "$$ body; $$";
                case MYSQL -> "/*!40101 'a*/b' */";
                case ORACLE -> "q'[it's; ok]'";
                case SQLSERVER -> "N'text; GO'";
            };
            case 6 -> syntax == SqlSyntax.POSTGRESQL ? "E'a\\'; b'" : syntax == SqlSyntax.MYSQL ? "'a\\'; b'" : "'x'";
            case 7 -> syntax == SqlSyntax.POSTGRESQL || syntax == SqlSyntax.SQLSERVER || syntax == SqlSyntax.H2
                    ? "/* outer /* inner; */ still; */" : "/* flat; */";
            case 8 -> "12.5";
            case 9 -> "x.begin";
            default -> word();
        };
    }

    private String garbage() {
        String alphabet = "'\"`$/*-;#\n\r\t [](){}\\qQEeN!M@:.GOgo0123€abcBEGINEND";
        int length = random.nextInt(120);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
