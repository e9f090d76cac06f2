package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.ScriptStatement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of the pending scripts as the risk linter split them before the run, kept for the run to take, so
 * that each script is split once, not twice (splitting is most of what preparing a script costs: about a tenth of a
 * 10,000-migration apply's main thread). A split is taken only for the very text it was made of (a script whose
 * secret placeholders the linter saw masked is split again) and is dropped once taken, so what is kept shrinks as the
 * run goes. One per session, used by its one thread.
 */
public final class ScriptSplits {
    private final SqlSyntax syntax;
    private final Map<String, Split> kept = new HashMap<>();

    public ScriptSplits(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    private record Split(String text, List<ScriptStatement> statements) {
    }

    /** Splits {@code text} and keeps the result for {@link #take}. */
    public List<ScriptStatement> split(String scriptName, String text) {
        List<ScriptStatement> statements = SqlSplitter.split(text, syntax, scriptName);
        kept.put(scriptName, new Split(text, statements));
        return statements;
    }

    /** The statements of {@code text}: those kept when the text is the one split before, else split now. */
    public List<ScriptStatement> take(String scriptName, String text) {
        Split split = kept.remove(scriptName);
        return split != null && split.text.equals(text) ? split.statements
                : SqlSplitter.split(text, syntax, scriptName);
    }

    /** Forgets every kept split (the run ended, or will not use them). */
    public void clear() {
        kept.clear();
    }
}
