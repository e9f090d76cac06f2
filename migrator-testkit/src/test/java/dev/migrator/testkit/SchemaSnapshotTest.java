package dev.migrator.testkit;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.Executable;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryStore;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import dev.migrator.api.spi.TargetLock;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How snapshots compare, differ and print, on a fake target that hands out a fixed model. */
class SchemaSnapshotTest {
    private static final SchemaObject ORDERS = new SchemaObject("table", "orders", Map.of());
    private static final SchemaObject INDEX = new SchemaObject("index", "orders_customer_idx",
            Map.of("on", "orders(customer_id)", "unique", "no"));

    @Test
    void snapshotsOfTheSameObjects_areEqual_andHaveNoDiff() {
        SchemaSnapshot a = snapshot(ORDERS, INDEX, column("orders.status", "'new'"));
        SchemaSnapshot b = snapshot(column("orders.status", "'new'"), INDEX, ORDERS);

        assertThat(a.diff(b)).isEmpty();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void anObjectOnOneSideOnly_isOneLine_namingWhereItIsOn() {
        SchemaSnapshot withIndex = snapshot(ORDERS, INDEX);
        SchemaSnapshot without = snapshot(ORDERS);

        assertThat(withIndex.diff(without)).containsExactly(
                "index orders_customer_idx on orders(customer_id): present in this snapshot, absent in the other");
        assertThat(without.diff(withIndex)).containsExactly(
                "index orders_customer_idx on orders(customer_id): present in the other, absent in this snapshot");
        assertThat(withIndex.diff(without, "after down", "before up")).containsExactly(
                "index orders_customer_idx on orders(customer_id): present after down, absent before up");
    }

    @Test
    void aChangedAttribute_isOneLinePerAttribute_andAMissingValueReadsNone() {
        SchemaSnapshot before = snapshot(column("orders.status", "'new'"));
        SchemaSnapshot after = snapshot(new SchemaObject("column", "orders.status",
                Map.of("type", "varchar(40)", "nullable", "yes")));

        assertThat(after.diff(before, "after down", "before up")).containsExactly(
                "column orders.status: default none after down, 'new' before up",
                "column orders.status: type varchar(40) after down, varchar(20) before up");
    }

    @Test
    void aNullAttribute_equalsOneThatIsLeftOut() {
        Map<String, String> withNull = new HashMap<>(Map.of("type", "varchar(20)", "nullable", "yes"));
        withNull.put("default", null);

        SchemaSnapshot a = snapshot(new SchemaObject("column", "orders.status", withNull));
        SchemaSnapshot b = snapshot(new SchemaObject("column", "orders.status",
                Map.of("type", "varchar(20)", "nullable", "yes")));

        assertThat(a).isEqualTo(b);
        assertThat(a.diff(b)).isEmpty();
    }

    @Test
    void differences_comeInKindAndNameOrder() {
        SchemaSnapshot a = snapshot(new SchemaObject("view", "v", Map.of()), ORDERS,
                new SchemaObject("table", "customers", Map.of()));
        SchemaSnapshot b = snapshot();

        assertThat(a.diff(b)).containsExactly(
                "table customers: present in this snapshot, absent in the other",
                "table orders: present in this snapshot, absent in the other",
                "view v: present in this snapshot, absent in the other");
    }

    @Test
    void toString_printsEveryObjectOnALine_withItsAttributes() {
        SchemaSnapshot s = snapshot(INDEX, ORDERS, column("orders.status", "'new'"));

        assertThat(s.toString()).isEqualTo("""
                column orders.status: default 'new', nullable yes, type varchar(20)
                index orders_customer_idx: on orders(customer_id), unique no
                table orders""");
    }

    @Test
    void of_opensTheTargetWithTheDefaultHistoryAndLockTables_andClosesIt() {
        FakeTarget target = new FakeTarget(new SchemaModel(List.of(ORDERS)));

        SchemaSnapshot.of(target);

        assertThat(target.opened).containsExactly(new TargetSettings(null, "migrator_history", "migrator_lock"));
        assertThat(target.closed).isEqualTo(1);
    }

    private static SchemaObject column(String name, String defaultValue) {
        return new SchemaObject("column", name, Map.of("type", "varchar(20)", "nullable", "yes",
                "default", defaultValue));
    }

    private static SchemaSnapshot snapshot(SchemaObject... objects) {
        return SchemaSnapshot.of(new FakeTarget(new SchemaModel(List.of(objects))));
    }

    /** A target whose sessions only snapshot, always the same model. */
    private static final class FakeTarget implements MigrationTarget {
        final SchemaModel model;
        final List<TargetSettings> opened = new ArrayList<>();
        int closed;

        FakeTarget(SchemaModel model) {
            this.model = model;
        }

        @Override
        public TargetSession open(TargetSettings settings) {
            opened.add(settings);
            return new TargetSession() {
                @Override
                public SchemaModel snapshot() {
                    return model;
                }

                @Override
                public void close() {
                    closed++;
                }

                @Override
                public String describe() {
                    return "fake";
                }

                @Override
                public String user() {
                    return "fake";
                }

                @Override
                public TargetLock lock() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public HistoryStore history() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Executable prepareScript(String scriptName, String text) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Executable prepareJava(Migration<?> migration, boolean undo) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void run(Executable executable, HistoryRecord startedRecord, HistoryRecord successRecord) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public String scriptSuffix() {
            return ".sql";
        }

        @Override
        public boolean accepts(Migration<?> migration) {
            return false;
        }

        @Override
        public String defaultLocation() {
            return "classpath:db/migration";
        }

        @Override
        public String toString() {
            return "fake";
        }
    }
}
