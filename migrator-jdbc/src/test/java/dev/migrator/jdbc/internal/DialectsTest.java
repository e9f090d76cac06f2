package dev.migrator.jdbc.internal;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JdbcSession.Dialects} picks by a switch so that a boot builds one dialect, not five: the switch must agree
 * with what each dialect says of itself, for every product name any of them handles.
 */
class DialectsTest {
    private static final List<String> PRODUCTS = List.of("H2", "PostgreSQL", "MySQL", "MariaDB",
            "Microsoft SQL Server", "Oracle", "DB2/LINUXX8664", "SQLite", "postgresql", "");

    @Test
    void theSwitch_agreesWithEveryDialectsOwnHandlesAndName() {
        List<JdbcDialect> all = JdbcSession.Dialects.NAMES.stream().map(JdbcSession.Dialects::named).toList();
        assertThat(all).doesNotContainNull();
        assertThat(all).extracting(JdbcDialect::name).containsExactlyElementsOf(JdbcSession.Dialects.NAMES);
        for (String product : PRODUCTS) {
            List<JdbcDialect> claiming = all.stream().filter(d -> d.handles(product)).toList();
            JdbcDialect picked = JdbcSession.Dialects.forProduct(product);
            if (claiming.isEmpty()) {
                assertThat(picked).as(product).isNull();
            } else {
                assertThat(claiming).as(product).hasSize(1);
                assertThat(picked).as(product).isInstanceOf(claiming.get(0).getClass());
            }
        }
    }

    @Test
    void aForcedName_ignoresCase_andAnUnknownOneIsNamedWithTheChoices() {
        assertThat(JdbcSession.Dialects.pick("H2", "PostgreSQL")).isInstanceOf(PostgresDialect.class);
        assertThat(JdbcSession.Dialects.pick("MariaDB", null)).isInstanceOf(MySqlDialect.class);
        assertThatThrownBy(() -> JdbcSession.Dialects.pick("H2", "db2")).isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown dialect 'db2': use one of [h2, postgresql, mysql, sqlserver, oracle]");
    }
}
