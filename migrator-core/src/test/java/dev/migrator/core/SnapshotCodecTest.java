package dev.migrator.core;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCodecTest {

    private static SchemaModel model(int tables) {
        List<SchemaObject> objects = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            objects.add(new SchemaObject("table", "t_" + i, Map.of()));
            Map<String, String> column = new LinkedHashMap<>();
            column.put("type", "varchar(40)");
            column.put("default", i % 2 == 0 ? null : "'a\tb\\c\nd\re'");
            objects.add(new SchemaObject("column", "t_" + i + ".c_" + i, column));
        }
        objects.add(new SchemaObject("view", "v\u00e9\u4e2d", Map.of("definition", "SELECT 1")));
        return new SchemaModel(objects);
    }

    @Test
    void aSnapshotReadsBackAsItWasWrittenEscapesAndNonAsciiIncluded() {
        SchemaModel model = model(3_000);
        String stored = SnapshotCodec.encode(model);
        assertThat(stored).startsWith("s1:");
        assertThat(SnapshotCodec.decode(stored)).isEqualTo(model);
    }

    /** What the first release stored (the whole text compressed at once) reads the same. */
    @Test
    void aSnapshotStoredByTheFirstReleaseStillReads() throws IOException {
        SchemaModel model = model(50);
        StringBuilder text = new StringBuilder();
        for (SchemaObject o : model.objects()) {
            text.append(escape(o.kind())).append('\t').append(escape(o.name()));
            o.attributes().forEach((k, v) -> text.append('\t').append(escape(k)).append('\t').append(escape(v)));
            text.append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        String first = "s1:" + Base64.getEncoder().encodeToString(bytes.toByteArray());
        assertThat(SnapshotCodec.decode(first)).isEqualTo(model);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
