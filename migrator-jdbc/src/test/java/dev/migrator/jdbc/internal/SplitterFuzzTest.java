package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A seeded, small run of {@link SplitterFuzz}; migrator-bench's SplitterFuzzMain runs 100,000 per dialect. */
class SplitterFuzzTest {
    private static final long SEED = 20_261_205L;

    @ParameterizedTest
    @EnumSource(SqlSyntax.class)
    @Timeout(20)
    void generatedScripts_splitAsGenerated_andGarbageIsSplitOrRefused_neverCrashes(SqlSyntax syntax) {
        SplitterFuzz.Result result = new SplitterFuzz(syntax, SEED + syntax.ordinal()).run(1_500);

        assertThat(result.firstProblem()).isNull();
        assertThat(result.mismatches()).isZero();
        assertThat(result.crashes()).isZero();
    }
}
