package dev.migrator.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code migrator.*} properties: each mirrors the {@code Migrator.Builder} method of the same name, and an unset
 * property leaves the builder's default. Bound by Spring Boot; not thread-safe.
 */
@ConfigurationProperties(prefix = "migrator")
public class MigratorProperties {
    private boolean enabled = true;
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    private String schema;
    private String historyTable;
    private Map<String, String> placeholders = new LinkedHashMap<>();
    private Boolean placeholderReplacement;
    private Duration lockTimeout;
    private Boolean outOfOrder;
    private String adoptOnMigrate;
    private String installedBy;
    private String url;
    private String user;
    private String password;
    private boolean migratedExternally;
    private Duration ddlLockTimeout;
    private Duration statementTimeout;
    private Integer ddlRetries;
    private dev.migrator.core.LintMode lint;

    /** Whether migrations run at start-up (default {@code true}). */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets {@code migrator.enabled}. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Where migrations are ({@code classpath:} or {@code filesystem:}); default {@code classpath:db/migration}. */
    public List<String> getLocations() {
        return locations;
    }

    /** Sets {@code migrator.locations}. */
    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    /** The schema that holds the history and where migrations run. */
    public String getSchema() {
        return schema;
    }

    /** Sets {@code migrator.schema}. */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /** The history table (default {@code migrator_history}). */
    public String getHistoryTable() {
        return historyTable;
    }

    /** Sets {@code migrator.history-table}. */
    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    /** Values for {@code ${name}} in scripts: {@code migrator.placeholders.name=value}. */
    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    /** Sets {@code migrator.placeholders}. */
    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** Whether {@code ${name}} is replaced at all (default {@code true}). */
    public Boolean getPlaceholderReplacement() {
        return placeholderReplacement;
    }

    /** Sets {@code migrator.placeholder-replacement}. */
    public void setPlaceholderReplacement(Boolean placeholderReplacement) {
        this.placeholderReplacement = placeholderReplacement;
    }

    /** How long to wait for another instance's lock (default 10 minutes). */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /** Sets {@code migrator.lock-timeout}. */
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** Whether a pending migration below the latest applied version is applied (default {@code false}). */
    public Boolean getOutOfOrder() {
        return outOfOrder;
    }

    /** Sets {@code migrator.out-of-order}. */
    public void setOutOfOrder(Boolean outOfOrder) {
        this.outOfOrder = outOfOrder;
    }

    /**
     * The tool whose history the first start-up adopts when it finds that tool's table and nothing applied by
     * migrator: {@code flyway}, {@code liquibase}, {@code alembic}, {@code django}, {@code knex} or {@code sequelize}
     * (default none).
     */
    public String getAdoptOnMigrate() {
        return adoptOnMigrate;
    }

    /** Sets {@code migrator.adopt-on-migrate}. */
    public void setAdoptOnMigrate(String adoptOnMigrate) {
        this.adoptOnMigrate = adoptOnMigrate;
    }

    /** Who is recorded as having run the migrations (default the operating-system user). */
    public String getInstalledBy() {
        return installedBy;
    }

    /** Sets {@code migrator.installed-by}. */
    public void setInstalledBy(String installedBy) {
        this.installedBy = installedBy;
    }

    /** A JDBC URL to migrate instead of the application's DataSource. */
    public String getUrl() {
        return url;
    }

    /** Sets {@code migrator.url}. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** The user for {@code migrator.url}. */
    public String getUser() {
        return user;
    }

    /** Sets {@code migrator.user}. */
    public void setUser(String user) {
        this.user = user;
    }

    /** The password for {@code migrator.url}; never logged. */
    public String getPassword() {
        return password;
    }

    /** Sets {@code migrator.password}. */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * With {@code migrator.enabled=false}: a job migrates this database before the application starts, so a JPA
     * {@code ddl-auto=validate} beside the disabled migrator is intended (default {@code false}: that is a start-up
     * error).
     */
    public boolean isMigratedExternally() {
        return migratedExternally;
    }

    /** Sets {@code migrator.migrated-externally}. */
    public void setMigratedExternally(boolean migratedExternally) {
        this.migratedExternally = migratedExternally;
    }

    /** How long each statement of a script holding DDL may wait for a lock (default 5 s; 0 keeps the database's). */
    public Duration getDdlLockTimeout() {
        return ddlLockTimeout;
    }

    /** Sets {@code migrator.ddl-lock-timeout}. */
    public void setDdlLockTimeout(Duration ddlLockTimeout) {
        this.ddlLockTimeout = ddlLockTimeout;
    }

    /** How long one statement of a migration may run before it is cancelled (default no limit). */
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    /** Sets {@code migrator.statement-timeout}. */
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    /** How many times a migration whose lock wait timed out is tried again (default 5). */
    public Integer getDdlRetries() {
        return ddlRetries;
    }

    /** Sets {@code migrator.ddl-retries}. */
    public void setDdlRetries(Integer ddlRetries) {
        this.ddlRetries = ddlRetries;
    }

    /** Whether pending migrations are linted before they run: OFF, WARN (the default) or FAIL. */
    public dev.migrator.core.LintMode getLint() {
        return lint;
    }

    /** Sets {@code migrator.lint}. */
    public void setLint(dev.migrator.core.LintMode lint) {
        this.lint = lint;
    }
}
