package dev.migrator.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's catalog snapshot reads its constraint and index tables apart and joins them itself: what the joins used to
 * say, they still say, also for a foreign key to another schema and for objects of another schema, which stay out.
 */
class H2SnapshotTest {

    @Test
    void constraintsAndIndexes_acrossSchemas_readAsTheJoinsDid() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:h2_snapshot_test;DB_CLOSE_DELAY=0");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA ref");
            s.execute("CREATE TABLE ref.parents (id INT, code INT, CONSTRAINT parents_pk PRIMARY KEY (code, id), "
                    + "CHECK (id > 0))");
            s.execute("CREATE INDEX parents_code_idx ON ref.parents (code)");
            s.execute("CREATE TABLE kids (id INT PRIMARY KEY, parent INT, code INT, qty INT CHECK (qty >= 0), "
                    + "CONSTRAINT kids_parent_fk FOREIGN KEY (code, parent) REFERENCES ref.parents (code, id) "
                    + "ON DELETE SET NULL)");
            s.execute("CREATE INDEX kids_parent_idx ON kids (parent DESC, code)");

            var objects = new H2Dialect().snapshot(c, "PUBLIC", Set.of()).objects().stream()
                    .map(o -> o.kind() + " " + o.name() + " " + o.attributes()).toList();

            assertThat(objects).contains(
                    "foreign key KIDS(CODE, PARENT) -> REF.PARENTS(CODE, ID) "
                            + "{name=KIDS_PARENT_FK, on delete=set null, on update=restrict}",
                    "check KIDS: \"QTY\" >= 0 {}",
                    "primary key KIDS {columns=(ID)}",
                    "index KIDS_PARENT_IDX {on=KIDS(PARENT DESC, CODE), unique=no}");
            assertThat(objects).hasSize(9).noneMatch(o -> o.contains("PARENTS_CODE_IDX") || o.contains("\"ID\" > 0"));
        }
    }
}
