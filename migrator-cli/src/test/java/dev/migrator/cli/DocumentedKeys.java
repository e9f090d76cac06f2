package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key tables of {@code docs/json-report.md}, read as the test's specification: a table follows a
 * {@code <!-- keys: NAME -->} line; its first column is the key's path ({@code a.b}, {@code list[].c}), its third
 * says {@code always} or when the key is present.
 */
final class DocumentedKeys {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Boolean>> TABLES = read(docs().resolve("json-report.md"));

    private DocumentedKeys() {
    }

    /** The docs directory: a system property in the build, else next to this module. */
    static Path docs() {
        return Paths.get(System.getProperty("migrator.docs.dir", "../docs"));
    }

    /** The documented keys of a document, each mapped to whether it is present always. */
    static Map<String, Boolean> of(String document) {
        Map<String, Boolean> keys = TABLES.get(document);
        assertThat(keys).as("docs/json-report.md has a key table for '%s'", document).isNotNull();
        return keys;
    }

    /**
     * Parses {@code json} and asserts it is one document whose keys are exactly those documented for
     * {@code document}: none undocumented, none marked always missing.
     */
    static JsonNode assertDocumented(String document, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not one JSON document: " + json, e);
        }
        assertThat(node).as("a JSON object: %s", json).isNotNull();
        assertThat(node.isObject()).as("a JSON object: %s", json).isTrue();
        Set<String> present = new TreeSet<>();
        flatten("", node, present);
        Map<String, Boolean> documented = of(document);
        assertThat(documented.keySet()).as("keys of a '%s' document not in docs/json-report.md: %s", document, json)
                .containsAll(present);
        for (Map.Entry<String, Boolean> key : documented.entrySet()) {
            if (key.getValue() && parentPresent(key.getKey(), present)) {
                assertThat(present).as("'%s' is documented as always present in '%s': %s", key.getKey(), document,
                        json).contains(key.getKey());
            }
        }
        return node;
    }

    /** Whether the array elements that would hold {@code key} exist: an empty array has no element keys. */
    private static boolean parentPresent(String key, Set<String> present) {
        int array = key.lastIndexOf("[].");
        if (array < 0) {
            return true;
        }
        String prefix = key.substring(0, array + 3);
        return present.stream().anyMatch(p -> p.startsWith(prefix));
    }

    private static void flatten(String prefix, JsonNode node, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            out.add(path);
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(path + ".", value, out);
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        flatten(path + "[].", element, out);
                    }
                }
            }
        }
    }

    private static Map<String, Map<String, Boolean>> read(Path doc) {
        List<String> lines;
        try {
            lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + doc.toAbsolutePath(), e);
        }
        Map<String, Map<String, Boolean>> tables = new LinkedHashMap<>();
        Map<String, Boolean> table = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("<!-- keys:")) {
                table = new LinkedHashMap<>();
                tables.put(trimmed.substring("<!-- keys:".length(), trimmed.indexOf("-->")).trim(), table);
            } else if (table != null && trimmed.startsWith("|")) {
                List<String> cells = cells(trimmed);
                if (cells.get(0).startsWith("`")) {
                    table.put(cells.get(0).replace("`", ""), cells.get(2).equals("always"));
                }
            } else if (table != null && !trimmed.isEmpty()) {
                table = null;
            }
        }
        return tables;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
