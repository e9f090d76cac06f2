package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.ScriptStatement;

import java.util.List;

/** Decides how a script uses transactions, from its statements (as its dialect classifies them) and its directive. */
final class ScriptModes {

    private ScriptModes() {
    }

    /** {@code forced}: the script's {@code -- migrator:transaction} directive, null when it has none. */
    static JdbcExecutable.Mode of(JdbcDialect dialect, String scriptName, Boolean forced,
                                  List<ScriptStatement> statements) {
        ScriptStatement noTx = null;
        boolean implicit = false;
        for (int i = 0; i < statements.size(); i++) {
            ScriptStatement s = statements.get(i);
            if (noTx == null && dialect.cannotRunInTransaction(statements, i)) {
                noTx = s;
            }
            implicit |= dialect.commitsImplicitly(s.text());
        }
        if (Boolean.TRUE.equals(forced) && noTx != null) {
            throw new ConfigurationException(scriptName + " line " + noTx.line() + ": this statement cannot run inside "
                    + "a transaction, but the script says -- migrator:transaction=true. Remove the directive, or move "
                    + "the statement to a script of its own");
        }
        return Boolean.FALSE.equals(forced) || noTx != null ? JdbcExecutable.Mode.NO_TRANSACTION
                : implicit ? JdbcExecutable.Mode.IMPLICIT_COMMITS : JdbcExecutable.Mode.ATOMIC;
    }
}
