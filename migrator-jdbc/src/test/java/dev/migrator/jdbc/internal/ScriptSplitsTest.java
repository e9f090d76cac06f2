package dev.migrator.jdbc.internal;

import dev.migrator.api.spi.ScriptStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptSplitsTest {
    private static final String SCRIPT = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";

    @Test
    void theRunTakesTheLintersSplitOfTheSameText_once() {
        ScriptSplits splits = new ScriptSplits(SqlSyntax.POSTGRESQL);
        List<ScriptStatement> linted = splits.split("V1__t.sql", SCRIPT);

        assertThat(splits.take("V1__t.sql", SCRIPT)).isSameAs(linted);
        // Taken, so no longer kept: a second take splits again, to the same statements.
        List<ScriptStatement> again = splits.take("V1__t.sql", SCRIPT);
        assertThat(again).isNotSameAs(linted).isEqualTo(linted);
    }

    @Test
    void aTextOtherThanTheLintedOne_isSplitAfresh() {
        ScriptSplits splits = new ScriptSplits(SqlSyntax.POSTGRESQL);
        splits.split("V2__secret.sql", "CREATE ROLE app PASSWORD '****';\n");

        List<ScriptStatement> run = splits.take("V2__secret.sql", "CREATE ROLE app PASSWORD 's3cret';\n");

        assertThat(run).singleElement().extracting(ScriptStatement::text).asString().contains("s3cret");
    }

    @Test
    void clearForgetsWhatWasKept() {
        ScriptSplits splits = new ScriptSplits(SqlSyntax.POSTGRESQL);
        List<ScriptStatement> linted = splits.split("V1__t.sql", SCRIPT);
        splits.clear();

        assertThat(splits.take("V1__t.sql", SCRIPT)).isNotSameAs(linted).hasSize(2);
    }
}
