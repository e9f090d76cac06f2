package dev.migrator.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The commands of {@code java -jar migrator-cli.jar <command>}, each mapped to one {@code Migrator} operation. */
enum Command {
    MIGRATE("Apply every pending migration (up to --to VERSION when given), then the repeatable ones.",
            EnumSet.of(Option.TO)),
    INFO("List every migration, applied or not, with its state. Reads only.", EnumSet.noneOf(Option.class)),
    VALIDATE("Check the migrations against the history: edited, missing, failed or unknown entries. Reads only; "
            + "exit status 3 when a problem is found. --offline: check the files against migrator.sum instead, "
            + "with no database.", EnumSet.of(Option.OFFLINE)),
    PLAN("Print the SQL that migrate would run, as one reviewable script. Runs, locks and creates nothing.",
            EnumSet.noneOf(Option.class)),
    ROLLBACK("Undo the --count N most recent migrations, or every migration newer than --to VERSION. Checks the "
            + "whole path first: a migration without a down stops it before anything changes.",
            EnumSet.of(Option.TO, Option.COUNT, Option.DRY_RUN)),
    BASELINE("Record that an existing schema is at --to VERSION: migrations up to it will not be applied.",
            EnumSet.of(Option.TO)),
    REPAIR("Resolve a migration left FAILED or unfinished, after a human fixed the database: without options, clear "
            + "the failure (you undid its changes: the next migrate runs it again) and re-align recorded checksums; "
            + "with --mark-applied VERSION --reason TEXT, record it as applied (you finished it: it never runs again).",
            EnumSet.of(Option.MARK_APPLIED, Option.REASON)),
    LINT("Check the pending migrations for statements that can block a running application or break the version "
            + "still running (see docs/zero-downtime.md). Runs, locks and creates nothing; lints offline when the "
            + "database cannot be reached. Exit status 5 when a finding is at error level (--fail-on warning: any).",
            EnumSet.of(Option.FAIL_ON, Option.SARIF)),
    HASH("Write migrator.sum in each filesystem location: the checksum of every migration and a hash chained over "
            + "them. Commit it with the migrations; validate --offline checks it. Needs no database.",
            EnumSet.noneOf(Option.class)),
    ADOPT("Take over the history of another tool (--from flyway, liquibase, alembic, django, knex, sequelize): "
            + "its applied migrations are checked against the files and recorded as adopted, under the lock, in one "
            + "step. Its table is left as it is. Exit status 3 when the files and its history disagree.",
            EnumSet.of(Option.FROM, Option.FROM_TABLE)),
    DRIFT("Compare the live schema with the snapshot stored by the last migrate or rollback, and list each change "
            + "made outside the migrations (see docs/consistency.md). Exit status 6 on drift.",
            EnumSet.noneOf(Option.class)),
    DIFF("Compare the schema at --url with the one at --url-b (or the two targets of a --targets file), or "
            + "(--against-migrations) with what the migrations produce in a scratch schema of the same database. "
            + "Exit status 0 either way.",
            EnumSet.of(Option.URL_B, Option.AGAINST_MIGRATIONS, Option.TARGETS)),
    EXEC("Run another tool's migration command, given after --, while holding migrator's lock, and record what it "
            + "applied or undid: exec --tool knex --url URL -- npx knex migrate:latest (see docs/other-tools.md). "
            + "Exit status 1 when the command failed.", EnumSet.of(Option.TOOL));

    private final String summary;
    private final Set<Option> ownOptions;

    Command(String summary, Set<Option> ownOptions) {
        this.summary = summary;
        this.ownOptions = ownOptions;
    }

    /** The word typed on the command line. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    String summary() {
        return summary;
    }

    /** Whether this command takes the option; options not tied to a command are taken by every command. */
    boolean takes(Option option) {
        return !option.commandSpecific() || ownOptions.contains(option) || FleetCommand.takes(this, option);
    }

    /** The command for a word typed on the command line, or {@code null}. */
    static Command byWord(String word) {
        for (Command c : values()) {
            if (c.word().equals(word)) {
                return c;
            }
        }
        return null;
    }
}
