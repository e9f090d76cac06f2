package dev.migrator.jdbc.internal.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ALTER TABLE} statement cut into its table and its comma-separated actions.
 *
 * @param table   the table's name as the database compares it
 * @param actions the actions, each a range of token indexes of the statement
 */
record AlterTable(String table, List<Action> actions) {

    /**
     * One action: tokens {@code [start, end)} of the statement.
     *
     * @param start the first token
     * @param end   one past the last token
     */
    record Action(int start, int end) {
    }

    /** Reads an {@code ALTER TABLE} statement, or returns null for any other. */
    static AlterTable of(LintStatement s) {
        int at;
        if (s.startsWith("ALTER", "TABLE")) {
            at = 2;
        } else if (s.startsWith("ALTER", "ONLINE", "TABLE") || s.startsWith("ALTER", "IGNORE", "TABLE")) {
            at = 3;
        } else {
            return null;
        }
        LintStatement.Name name = s.nameAt(at);
        if (name == null) {
            return null;
        }
        List<Action> actions = new ArrayList<>();
        int start = name.next();
        for (int i = start; i <= s.size(); i++) {
            if (i == s.size() || (s.token(i).depth() == 0 && s.token(i).isSymbol(','))) {
                if (i > start) {
                    actions.add(new Action(start, i));
                }
                start = i + 1;
            }
        }
        return new AlterTable(name.value(), actions);
    }

    /** The index of the first run of {@code words} within the action, outside parentheses; -1 if none. */
    static int find(LintStatement s, Action a, String... words) {
        int i = s.find(a.start(), words);
        return i >= 0 && i < a.end() ? i : -1;
    }

    static boolean startsWith(LintStatement s, Action a, String... words) {
        return s.matchesAt(a.start(), words);
    }
}
