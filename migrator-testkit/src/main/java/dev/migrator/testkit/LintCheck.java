package dev.migrator.testkit;

import dev.migrator.core.LintFinding;
import dev.migrator.core.Migrator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A test assertion over the risk linter: fails when a pending migration holds a statement that can block a running
 * application, naming each finding with its script, line, rule and fix.
 *
 * <pre>{@code
 * LintCheck.of(Migrator.builder().target(JdbcTarget.of(dataSource)).locations("classpath:db/migration"))
 *         .assertNoFindings();
 * }</pre>
 *
 * <p>Against a database that holds the production-like schema, the linter knows which tables exist and how large
 * they are; against one it cannot reach, it lints offline and reports what it cannot rule out. Not thread-safe.
 */
public final class LintCheck {
    private final Migrator migrator;
    private Set<String> ignored = Set.of();

    private LintCheck(Migrator migrator) {
        this.migrator = migrator;
    }

    /** A check of the migrations the builder describes. */
    public static LintCheck of(Migrator.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return new LintCheck(builder.build());
    }

    /** Leaves out findings of these rules (prefer a {@code -- migrator:allow} comment, which says why). */
    public LintCheck ignoring(String... rules) {
        this.ignored = Set.copyOf(Arrays.asList(rules));
        return this;
    }

    /** The findings, for assertions of your own. */
    public List<LintFinding> findings() {
        return migrator.lint().stream().filter(f -> !ignored.contains(f.rule())).toList();
    }

    /** Fails with an {@link AssertionError} listing every finding, when there is any. */
    public void assertNoFindings() {
        check(findings());
    }

    /** Fails with an {@link AssertionError} listing every finding at error level, when there is any. */
    public void assertNoErrors() {
        check(findings().stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).toList());
    }

    private static void check(List<LintFinding> findings) {
        if (!findings.isEmpty()) {
            throw new AssertionError("The linter found " + findings.size() + " risk" + (findings.size() == 1 ? "" : "s")
                    + " in the pending migrations (fix them, or acknowledge each with '-- migrator:allow <RULE-ID> "
                    + "<reason>' on the line before its statement):\n" + findings.stream().map(f -> "  " + f)
                    .collect(Collectors.joining("\n")));
        }
    }
}
